package io.payout.orchestrator.console;

import java.util.NoSuchElementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * What every console page knows: who is signed in and whether they may change anything; and the console's own error
 * pages (an error dispatch would reach the operations API's chain and answer 401 in JSON).
 */
@ControllerAdvice(basePackageClasses = ConsoleModel.class)
class ConsoleModel {

    private static final Logger log = LoggerFactory.getLogger(ConsoleModel.class);

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
        return "console/problem";
    }

    @ExceptionHandler(IllegalArgumentException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String badInput(IllegalArgumentException e, Model model) {
        signedIn(model);
        model.addAttribute("message", e.getMessage());
        return "console/problem";
    }

    @ExceptionHandler(Exception.class)
    @ResponseStatus(HttpStatus.INTERNAL_SERVER_ERROR)
    String failed(Exception e, Model model) {
        log.error("console request failed", e);
        signedIn(model);
        model.addAttribute("message", null);
        return "console/problem";
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
