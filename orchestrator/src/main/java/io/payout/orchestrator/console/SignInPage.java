package io.payout.orchestrator.console;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in form; Spring Security checks what it posts. */
@Controller
class SignInPage {

    @GetMapping("/console/login")
    String signIn() {
        return "console/login";
    }
}
