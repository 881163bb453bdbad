package io.payout.orchestrator.console;

import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;

/** What every console page knows: who is signed in and whether they may change anything; and its "not found" page. */
@ControllerAdvice(basePackageClasses = ConsoleModel.class)
class ConsoleModel {

    @ModelAttribute
    void signedIn(Model model) {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        boolean known = who != null && who.isAuthenticated() && !"anonymousUser".equals(who.getName());
        model.addAttribute("identity", known ? who.getName() : null);
        model.addAttribute("operator", known && isOperator(who));
    }

    @ExceptionHandler(NoSuchElementException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(NoSuchElementException e, Model model) {
        signedIn(model);
        model.addAttribute("message", e.getMessage());
        return "console/not-found";
    }

    static boolean isOperator(Authentication who) {
        return who.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_" + ConsoleProperties.Role.OPERATOR.name()));
    }

    /** The signed-in identity, the actor of every change made through the console. */
    static String actor(Authentication who) {
        return who.getName();
    }
}
