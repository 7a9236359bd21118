package org.gongkai.shared.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSender;

/** Without spring.mail.host the platform has no sender, and says so where mail is needed. */
class MailConfigurationIntegrationTests extends PlatformIntegrationTests {

  @Autowired ObjectProvider<JavaMailSender> mail;

  @Test
  void withoutAMailServerThereIsNoSenderAndASubscriptionIsRefusedAsUnavailable() throws Exception {
    assertThat(mail.getIfAvailable()).isNull();

    String json = api().answered("{\"email\":\"reader@example.com\"}");
    HttpResponse<String> refused =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/subscriptions"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }
}
