package jp.kakaritsuke.testsupport;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import jp.kakaritsuke.base.AreaType;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.assessment.service.RoundService;
import jp.kakaritsuke.assessment.service.SubmissionService;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.facility.service.FacilityService;
import jp.kakaritsuke.facility.service.InvitationService;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Builds facilities and members through the real services (as the bootstrap administrator, then via invitations),
 * with unique names so tests sharing a database do not collide.
 */
@Component
public class Fixtures {

    public static final String PASSWORD = "correct-horse-battery";

    /** A valid, distinct mail address for a test account (whatever the user name, even one the tests expect refused). */
    public static String mail(String username) {
        String local = username == null ? "x" : username.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9.]", "-");
        return (local.isEmpty() ? "x" : local) + "@example.jp";
    }

    private final FacilityService facilities;
    private final InvitationService invitations;
    private final RoundService rounds;
    private final SubmissionService submissions;
    private final jp.kakaritsuke.associations.service.AssociationStaffService associationStaff;
    private final jp.kakaritsuke.identity.service.ApiTokenService apiTokens;
    private final java.util.Map<String, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();

    public Fixtures(FacilityService facilities, InvitationService invitations,
                    RoundService rounds, SubmissionService submissions,
                    jp.kakaritsuke.associations.service.AssociationStaffService associationStaff,
                    jp.kakaritsuke.identity.service.ApiTokenService apiTokens) {
        this.facilities = facilities;
        this.invitations = invitations;
        this.rounds = rounds;
        this.submissions = submissions;
        this.associationStaff = associationStaff;
        this.apiTokens = apiTokens;
    }

    /**
     * A MockMvc request as an API client of {@code username}: a personal API token created through the real service
     * (once per user), sent as {@code Authorization: Bearer}. The security context is left as it was.
     */
    public org.springframework.test.web.servlet.request.RequestPostProcessor bearer(String username) {
        // a cached token dies with its database (the MariaDB run drops the schema once, for its first test context: DropSchemaOnce)
        String cached = tokens.get(username);
        if (cached != null && apiTokens.authenticate(cached).isEmpty()) {
            tokens.remove(username);
        }
        String token = tokens.computeIfAbsent(username, name -> {
            var previous = SecurityContextHolder.getContext().getAuthentication();
            boolean admin = name.equals("admin");
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(name, null,
                    List.of(new SimpleGrantedAuthority(admin ? "ROLE_ADMIN" : "ROLE_USER"))));
            try {
                return apiTokens.create("test", null).token();
            } finally {
                SecurityContextHolder.getContext().setAuthentication(previous);
            }
        });
        return bearerToken(token);
    }

    public static org.springframework.test.web.servlet.request.RequestPostProcessor bearerToken(String token) {
        return request -> {
            request.addHeader("Authorization", "Bearer " + token);
            return request;
        };
    }

    /**
     * An association administrator: a viewer of a new association office (so the account exists through an
     * invitation) who then accepts a staff invitation with that account, as real staff do. Returns the username and
     * leaves the security context as that user.
     */
    public String associationAdmin(long associationId) {
        String username = member(facility(FacilityKind.ASSOCIATION), MemberRole.VIEWER);
        asAdmin();
        String code = associationStaff.invite(associationId, "テスト " + username).code();
        as(username);
        associationStaff.acceptAsCurrentUser(code);
        return username;
    }

    /**
     * Starts a round of the facility, answers every role with {@code level.applyAsInt(roleCode)} (and the priority
     * flag), submits it, and returns its id. Runs as whoever the security context holds (an editor of the facility).
     */
    public long submitRound(long facilityId, java.util.function.ToIntFunction<RoleCode> level,
                            java.util.function.Predicate<RoleCode> priority) {
        var round = rounds.startRound(facilityId);
        round.answers().forEach(a -> rounds.saveRoleAnswer(round.summary().id(), a.roleCode(), a.version(),
                new jp.kakaritsuke.assessment.service.AssessmentModels.RoleAnswerInput(level.applyAsInt(a.roleCode()),
                        priority.test(a.roleCode()), null, java.util.Map.of())));
        return submissions.submit(round.summary().id()).summary().id();
    }

    public FacilityProfile facility(FacilityKind type) {
        asAdmin();
        return facilities.create(new FacilityProfile(null, 0, "テスト施設 " + UUID.randomUUID(), type, "千葉県", "柏市",
                AreaType.REGIONAL_CITY, type == FacilityKind.HOSPITAL ? 100 : null, null, null, 2, 1, Set.of()));
    }

    /** A new member of the facility; returns the username. Leaves the security context as that user. */
    public String member(FacilityProfile facility, MemberRole role) {
        asAdmin();
        String username = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String code = invitations.invite(facility.id(), role, "テスト " + username).code();
        invitations.accept(code, username, "テスト " + username, Fixtures.mail(username), PASSWORD);
        as(username);
        return username;
    }

    public static void asAdmin() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin", null,
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
    }

    public static void as(String username) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null,
                List.of(new SimpleGrantedAuthority("ROLE_USER"))));
    }

    public static void anonymous() {
        SecurityContextHolder.clearContext();
    }
}
