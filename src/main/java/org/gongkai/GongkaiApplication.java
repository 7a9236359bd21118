package org.gongkai;

import java.util.Arrays;
import org.gongkai.backup.Restore;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

// The mail sender is made by org.gongkai.shared.mail at every start: Boot's is a condition on
// spring.mail.host, which a start ahead of time would have decided when the jar was built.
@SpringBootApplication(
    excludeName = "org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration")
@ConfigurationPropertiesScan
public class GongkaiApplication {

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("restore")) {
      System.exit(Restore.run(Arrays.copyOfRange(args, 1, args.length)));
    }
    SpringApplication.run(GongkaiApplication.class, args);
  }
}
