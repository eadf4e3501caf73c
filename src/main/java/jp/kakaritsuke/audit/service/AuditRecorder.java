package jp.kakaritsuke.audit.service;

import com.vaadin.flow.server.VaadinRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import jp.kakaritsuke.audit.domain.AuditEventRepository;
import jp.kakaritsuke.audit.domain.AuditRecord;
import jp.kakaritsuke.base.AuditAction;
import jp.kakaritsuke.base.AuditEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Stores what happened, synchronously: an {@link AuditEvent} inside the publisher's own transaction, so that a change
 * that is rolled back leaves no record (and a record that cannot be written rolls the change back). Without a
 * transaction, or in a read-only one (a report read), it writes in a transaction of its own. Logins come from Spring
 * Security's authentication events, which every {@code ProviderManager} publishes: the form login and any other
 * authentication that goes through an {@code AuthenticationManager} (API tokens). Passwords are never looked at.
 */
@Component
public class AuditRecorder {

    private final AuditEventRepository repository;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    public AuditRecorder(AuditEventRepository repository, Clock clock, PlatformTransactionManager transactionManager) {
        this.repository = repository;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @EventListener
    public void on(AuditEvent event) {
        store(new AuditRecord(null, clock.instant(), event.action(), currentActor(), event.subject(), event.facilityId(),
                event.associationId(), remoteAddress(), event.detail()));
    }

    /**
     * A successful authentication. Only this exact class: the form login also publishes an
     * {@code InteractiveAuthenticationSuccessEvent} for the same login, which would count it twice.
     */
    @EventListener
    public void on(AuthenticationSuccessEvent event) {
        if (event.getClass() != AuthenticationSuccessEvent.class) {
            return;
        }
        Authentication auth = event.getAuthentication();
        store(new AuditRecord(null, clock.instant(), AuditAction.LOGIN_SUCCEEDED, auth.getName(), auth.getName(), null, null,
                remoteAddress(), auth.getClass().getSimpleName()));
    }

    /** A failed login: the user name as typed (cleaned and cut by {@link AuditRecord}) and why, never the password. */
    @EventListener
    public void on(AbstractAuthenticationFailureEvent event) {
        store(new AuditRecord(null, clock.instant(), AuditAction.LOGIN_FAILED, null, event.getAuthentication().getName(),
                null, null, remoteAddress(), event.getException().getClass().getSimpleName()));
    }

    @EventListener
    public void on(LogoutSuccessEvent event) {
        String name = event.getAuthentication().getName();
        store(new AuditRecord(null, clock.instant(), AuditAction.LOGOUT, name, name, null, null, remoteAddress(), null));
    }

    private void store(AuditRecord record) {
        if (TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            repository.insert(record);
        } else {
            ownTransaction.executeWithoutResult(s -> repository.insert(record));
        }
    }

    private static String currentActor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return null;
        }
        return auth.getName();
    }

    /**
     * The client's address: the servlet request's remote address (behind the trusted proxy the forwarded-header
     * handling has already put the client's there); Vaadin's current request where Spring's is not bound.
     */
    private static String remoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        VaadinRequest vaadin = VaadinRequest.getCurrent();
        return vaadin == null ? null : vaadin.getRemoteAddr();
    }
}
