package io.payout.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CallbackGatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(CallbackGatewayApplication.class, args);
    }
}
