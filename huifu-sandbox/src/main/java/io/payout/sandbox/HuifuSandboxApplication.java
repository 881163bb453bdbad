package io.payout.sandbox;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class HuifuSandboxApplication {

    public static void main(String[] args) {
        SpringApplication.run(HuifuSandboxApplication.class, args);
    }
}
