package org.gongkai.shared.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Chinese first; {@code ?lang=en} switches a visitor to English and a cookie remembers it, as
 * {@code ?senior=on} switches on the senior-friendly mode ({@link SeniorMode}). Stylesheets,
 * scripts and vendored libraries are served under their own prefixes with a content hash in their
 * name ({@code /css/site-<md5>.css}), so that they can be cached for a year; only links under those
 * prefixes are looked up when a page is rendered.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

  private static final List<String> STATIC_FOLDERS = List.of("css", "js", "vendor");

  @Bean
  LocaleResolver localeResolver() {
    CookieLocaleResolver resolver = new CookieLocaleResolver("gongkai-lang");
    resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
    resolver.setCookieMaxAge(Duration.ofDays(365));
    return resolver;
  }

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    for (String folder : STATIC_FOLDERS) {
      registry
          .addResourceHandler("/" + folder + "/**")
          .addResourceLocations("classpath:/static/" + folder + "/")
          .resourceChain(true)
          .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
    }
  }

  @Bean
  ResourceUrlEncodingFilter resourceUrlEncodingFilter() {
    return new ResourceUrlEncodingFilter();
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
    interceptor.setParamName("lang");
    interceptor.setIgnoreInvalidLocale(true);
    registry.addInterceptor(interceptor);
    registry.addInterceptor(new SeniorMode());
  }
}
