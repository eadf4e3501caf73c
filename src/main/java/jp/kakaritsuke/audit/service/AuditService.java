package jp.kakaritsuke.audit.service;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import jp.kakaritsuke.associations.service.AssociationAccess;
import jp.kakaritsuke.audit.domain.AuditEventRepository;
import jp.kakaritsuke.audit.domain.AuditQuery;
import jp.kakaritsuke.audit.domain.AuditRecord;
import jp.kakaritsuke.audit.domain.AuditScope;
import jp.kakaritsuke.base.InvalidInputException;
import jp.kakaritsuke.identity.service.CurrentUser;
import jp.kakaritsuke.identity.service.UserAccountService;
import jp.kakaritsuke.base.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading the audit log. System administrators read everything. An association administrator reads the events of
 * the associations they see (their own and every one below it, as everywhere else), the consent decisions of those
 * associations' member facilities, and what their staff did on those members (docs/security.md); never a member
 * facility's internal events. Everyone else is refused. There is no method that changes or deletes a record.
 */
@Service
public class AuditService {

    public static final int DEFAULT_PAGE_SIZE = 50;
    public static final int MAX_PAGE_SIZE = 200;

    private final AuditEventRepository repository;
    private final UserAccountService accounts;
    private final AssociationAccess associations;

    public AuditService(AuditEventRepository repository, UserAccountService accounts, AssociationAccess associations) {
        this.repository = repository;
        this.accounts = accounts;
        this.associations = associations;
    }

    /** One page of the log, newest first, and how many records match in all. */
    public record Page(List<AuditRecord> items, int page, int size, long total) {
    }

    /** Whether the caller may read the log at all (the navigation shows the page only then). */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public boolean mayRead() {
        CurrentUser user = accounts.requireCurrentUser();
        return user.admin() || !associations.visible(user).isEmpty();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Page page(AuditQuery query, int page, int size) {
        requireValid(query, page, size);
        AuditScope scope = scope(query);
        AuditQuery normalized = normalize(query);
        return new Page(repository.find(normalized, scope, (long) page * size, size), page, size,
                repository.count(normalized, scope));
    }

    /** For lazy grids: a slice at any offset, with the same checks as {@link #page}. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<AuditRecord> slice(AuditQuery query, long offset, int limit) {
        // a grid may ask for several pages at once; still bounded
        if (offset < 0 || limit < 1 || limit > 1000) {
            throw new InvalidInputException(List.of("audit.error.page"));
        }
        requireValid(query, 0, 1);
        return repository.find(normalize(query), scope(query), offset, limit);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public long count(AuditQuery query) {
        requireValid(query, 0, 1);
        return repository.count(normalize(query), scope(query));
    }

    /**
     * null for everything; otherwise what the associations the caller sees reach (their members, their staff by user
     * name), resolved through the associations and identity services so that the page stays one query. Another
     * association's id answers as an unknown one would (404), the rule everywhere else: which ids exist is not told to
     * those who may not see them.
     */
    private AuditScope scope(AuditQuery query) {
        CurrentUser user = accounts.requireCurrentUser();
        if (user.admin()) {
            return null;
        }
        AssociationAccess.Sight sight = associations.sight(user);
        Set<Long> visible = sight.associations();
        if (visible.isEmpty()) {
            throw new AccessDeniedException("the audit log is for administrators");
        }
        if (query.associationId() != null && !visible.contains(query.associationId())) {
            throw new NotFoundException("association", String.valueOf(query.associationId()));
        }
        Set<String> staff = accounts.accountNames(sight.administrators()).values().stream()
                .map(UserAccountService.AccountName::username).collect(Collectors.toSet());
        return new AuditScope(visible, sight.memberFacilities(), staff);
    }

    private static AuditQuery normalize(AuditQuery q) {
        // user names are stored normalised (identity.domain.AppUser): compare the same way
        return q.actor() == null ? q
                : new AuditQuery(q.action(), q.actor().toLowerCase(Locale.ROOT), q.facilityId(), q.associationId(), q.from(), q.to());
    }

    /** One rule for the screen and the API: bounded pages, a period that ends after it starts. */
    public static void requireValid(AuditQuery query, int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidInputException(List.of("audit.error.page"));
        }
        if (query.from() != null && query.to() != null && !query.from().isBefore(query.to())) {
            throw new InvalidInputException(List.of("audit.error.period"));
        }
    }
}
