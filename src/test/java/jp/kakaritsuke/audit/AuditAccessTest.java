package jp.kakaritsuke.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import jp.kakaritsuke.assessment.service.RoleProfileService;
import jp.kakaritsuke.associations.domain.AssociationLevel;
import jp.kakaritsuke.associations.service.AssociationAdminService;
import jp.kakaritsuke.audit.domain.AuditEventRepository;
import jp.kakaritsuke.audit.domain.AuditQuery;
import jp.kakaritsuke.audit.domain.AuditRecord;
import jp.kakaritsuke.audit.service.AuditService;
import jp.kakaritsuke.base.AuditAction;
import jp.kakaritsuke.base.InvalidInputException;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.facility.service.FacilityService;
import jp.kakaritsuke.testsupport.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Who reads the audit log: administrators everything; an association's administrators their associations' events,
 * their members' consent and their own staff's reads of members, never a member's internal events nor another
 * association's; everyone else nothing (403). The API's filters and paging; append-only in code and, on MariaDB,
 * in the database.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AuditAccessTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService userDetails;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AssociationAdminService associations;

    @Autowired
    FacilityService facilities;

    @Autowired
    RoleProfileService profiles;

    @Autowired
    AuditService audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Environment environment;

    long pref;
    long city;
    long other;
    FacilityProfile clinic;
    String editor;
    String prefStaff;
    String otherStaff;

    @BeforeEach
    void setUp() {
        Fixtures.asAdmin();
        pref = associations.create("岐阜県医師会 " + System.nanoTime(), AssociationLevel.PREFECTURAL, "岐阜県", null);
        city = associations.create("岐阜市医師会", AssociationLevel.MUNICIPAL, "岐阜県", pref);
        other = associations.create("三重県医師会 " + System.nanoTime(), AssociationLevel.PREFECTURAL, "三重県", null);
        clinic = fixtures.facility(FacilityKind.CLINIC);
        associations.addFacility(city, clinic.id());
        editor = fixtures.member(clinic, MemberRole.EDITOR);
        facilities.setConsent(clinic.id(), true);
        long round = fixtures.submitRound(clinic.id(), role -> 2, role -> false);
        prefStaff = fixtures.associationAdmin(pref);
        otherStaff = fixtures.associationAdmin(other);
        Fixtures.as(prefStaff);
        profiles.profile(round); // the staff reading a consenting member: theirs to see
        Fixtures.asAdmin();
        profiles.profile(round); // an administrator reading it: not the association's business
    }

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    @Test
    void administratorsReadEverything() {
        Fixtures.asAdmin();
        assertThat(audit.mayRead()).isTrue();
        assertThat(audit.page(new AuditQuery(null, null, clinic.id(), null, null, null), 0, 50).items())
                .extracting(AuditRecord::action, AuditRecord::actor).containsExactly(
                        tuple(AuditAction.REPORT_DOWNLOADED, "admin"),
                        tuple(AuditAction.REPORT_DOWNLOADED, prefStaff),
                        tuple(AuditAction.ROUND_SUBMITTED, editor),
                        tuple(AuditAction.CONSENT_GIVEN, editor),
                        tuple(AuditAction.FACILITY_MEMBER_ADDED, "admin"),
                        tuple(AuditAction.INVITATION_ACCEPTED, "admin"),
                        tuple(AuditAction.INVITATION_ISSUED, "admin"),
                        tuple(AuditAction.ASSOCIATION_MEMBER_ADDED, "admin"),
                        tuple(AuditAction.FACILITY_CREATED, "admin"));
        assertThat(audit.page(new AuditQuery(null, null, null, other, null, null), 0, 50).total()).isEqualTo(4);
    }

    @Test
    void associationAdministratorsReadTheirAssociationsAndWhatConcernsThem() {
        Fixtures.as(prefStaff);
        assertThat(audit.mayRead()).isTrue();
        AuditService.Page all = audit.page(AuditQuery.ALL, 0, 200);
        // everything they may read, newest first: nothing of the other association, no internal event of the member
        assertThat(all.items()).extracting(AuditRecord::action, AuditRecord::actor, AuditRecord::associationId, AuditRecord::facilityId)
                .containsExactly(
                        tuple(AuditAction.REPORT_DOWNLOADED, prefStaff, null, clinic.id()),
                        tuple(AuditAction.ASSOCIATION_ADMIN_ADDED, prefStaff, pref, null),
                        tuple(AuditAction.INVITATION_ACCEPTED, prefStaff, pref, null),
                        tuple(AuditAction.INVITATION_ISSUED, "admin", pref, null),
                        tuple(AuditAction.CONSENT_GIVEN, editor, null, clinic.id()),
                        // the member's joining the city association is the association's own record (issue 13)
                        tuple(AuditAction.ASSOCIATION_MEMBER_ADDED, "admin", city, clinic.id()),
                        tuple(AuditAction.ASSOCIATION_CREATED, "admin", city, null),
                        tuple(AuditAction.ASSOCIATION_CREATED, "admin", pref, null));
        assertThat(all.total()).isEqualTo(8);
        // their child association's events alone
        assertThat(audit.page(new AuditQuery(null, null, null, city, null, null), 0, 10).items())
                .extracting(AuditRecord::action).containsExactly(AuditAction.ASSOCIATION_MEMBER_ADDED, AuditAction.ASSOCIATION_CREATED);
        // another association's, asked for by id: refused as an unknown id would be, not an empty answer
        assertThatThrownBy(() -> audit.page(new AuditQuery(null, null, null, other, null, null), 0, 10))
                .isInstanceOf(jp.kakaritsuke.base.NotFoundException.class);

        Fixtures.as(otherStaff);
        assertThat(audit.page(AuditQuery.ALL, 0, 200).items()).extracting(AuditRecord::associationId)
                .containsOnly(other).hasSize(4);
    }

    @Test
    void everyoneElseIsRefused() {
        Fixtures.as(editor);
        assertThat(audit.mayRead()).isFalse();
        assertThatThrownBy(() -> audit.page(AuditQuery.ALL, 0, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> audit.slice(AuditQuery.ALL, 0, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> audit.count(AuditQuery.ALL)).isInstanceOf(AccessDeniedException.class);
        Fixtures.anonymous();
        assertThatThrownBy(() -> audit.page(AuditQuery.ALL, 0, 10)).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void theApiFiltersAndPages() throws Exception {
        mvc.perform(as("admin", get("/api/v1/audit-events").param("associationId", "" + pref).param("size", "3")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/json"))
                .andExpect(jsonPath("$.total").value(4))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(3))
                .andExpect(jsonPath("$.items", hasSize(3)))
                .andExpect(jsonPath("$.items[0].action").value("ASSOCIATION_ADMIN_ADDED"))
                .andExpect(jsonPath("$.items[0].actor").value(prefStaff))
                .andExpect(jsonPath("$.items[0].subject").value(prefStaff))
                .andExpect(jsonPath("$.items[0].associationId").value(pref))
                .andExpect(jsonPath("$.items[0].occurredAt").isString())
                .andExpect(jsonPath("$.items[2].action").value("INVITATION_ISSUED"));
        mvc.perform(as("admin", get("/api/v1/audit-events").param("associationId", "" + pref).param("size", "3").param("page", "1")))
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].action").value("ASSOCIATION_CREATED"));
        mvc.perform(as("admin", get("/api/v1/audit-events").param("facilityId", "" + clinic.id()).param("action", "ROUND_SUBMITTED")))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].actor").value(editor));
        mvc.perform(as("admin", get("/api/v1/audit-events").param("actor", prefStaff.toUpperCase())
                        .param("action", "REPORT_DOWNLOADED")))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].facilityId").value(clinic.id()));
        // a period: everything happened before the far future, nothing before 2001
        mvc.perform(as("admin", get("/api/v1/audit-events").param("associationId", "" + pref).param("from", "2001-01-01T00:00:00Z")
                        .param("to", "2999-01-01T00:00:00Z")))
                .andExpect(jsonPath("$.total").value(4));
        mvc.perform(as("admin", get("/api/v1/audit-events").param("associationId", "" + pref).param("to", "2001-01-01T00:00:00Z")))
                .andExpect(jsonPath("$.total").value(0));
        // association administrators through the API: theirs, and 404 for another's (as for an unknown id)
        mvc.perform(as(prefStaff, get("/api/v1/audit-events"))).andExpect(jsonPath("$.total").value(8));
        mvc.perform(as(prefStaff, get("/api/v1/audit-events").param("associationId", "" + other))).andExpect(status().isNotFound());
        // nobody else
        mvc.perform(as(editor, get("/api/v1/audit-events"))).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/api/v1/audit-events")).andExpect(status().isUnauthorized());
        // bounded pages and sensible filters, or 400
        for (String[] bad : List.of(new String[] {"size", "201"}, new String[] {"size", "0"}, new String[] {"page", "-1"},
                new String[] {"action", "NO_SUCH_ACTION"}, new String[] {"from", "yesterday"})) {
            mvc.perform(as("admin", get("/api/v1/audit-events").param(bad[0], bad[1]))).andExpect(status().isBadRequest());
        }
        mvc.perform(as("admin", get("/api/v1/audit-events").param("from", "2026-02-01T00:00:00Z").param("to", "2026-01-01T00:00:00Z")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0]").value("audit.error.period"));
    }

    @Test
    void theLogIsAppendOnly() {
        // the code offers no way to change or delete a record
        List<String> repositoryMethods = publicMethods(AuditEventRepository.class);
        assertThat(repositoryMethods).containsExactlyInAnyOrder("insert", "find", "count");
        assertThat(publicMethods(AuditService.class)).allSatisfy(name ->
                assertThat(name).doesNotContainPattern("(?i)update|delete|remove|save|insert|clear|truncate|purge"));
        assertThatThrownBy(() -> AuditService.requireValid(AuditQuery.ALL, 0, AuditService.MAX_PAGE_SIZE + 1))
                .isInstanceOf(InvalidInputException.class);

        long id = jdbc.sql("SELECT MAX(id) FROM audit_event").query(Long.class).single();
        if (Arrays.asList(environment.getActiveProfiles()).contains("mariadb")) {
            // and on MariaDB the database refuses it too, whoever asks
            assertThatThrownBy(() -> jdbc.sql("UPDATE audit_event SET detail = 'changed' WHERE id = ?").param(id).update())
                    .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event WHERE id = ?").param(id).update())
                    .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
            assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE id = ?").param(id).query(Long.class).single()).isEqualTo(1);
        }
    }

    private static List<String> publicMethods(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods()).filter(m -> Modifier.isPublic(m.getModifiers()))
                .map(Method::getName).distinct().toList();
    }

    private MockHttpServletRequestBuilder as(String username, MockHttpServletRequestBuilder request) {
        return request.with(user(userDetails.loadUserByUsername(username)));
    }
}
