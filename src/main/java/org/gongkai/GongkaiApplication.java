package org.gongkai;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class GongkaiApplication {

  public static void main(String[] args) {
    SpringApplication.run(GongkaiApplication.class, args);
  }
}
