package jp.kakaritsuke.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import jp.kakaritsuke.assessment.service.RoleProfileService;
import jp.kakaritsuke.associations.domain.AssociationLevel;
import jp.kakaritsuke.associations.service.AssociationAdminService;
import jp.kakaritsuke.associations.service.AssociationStaffService;
import jp.kakaritsuke.associations.service.MemberImportService;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.facility.service.FacilityService;
import jp.kakaritsuke.facility.service.InvitationService;
import jp.kakaritsuke.testsupport.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every event type the application records, written by the action that causes it and by nothing else: who, what,
 * on which facility or association, from which address when there is a request; none when the action is rolled back.
 * Runs on H2 and MariaDB; each test looks only at the facilities, associations and accounts it made.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AuditEventsTest {

    /** What a test compares: the stored row without its id and time. */
    record Row(String action, String actor, String subject, Long facilityId, Long associationId, String address, String detail) {
    }

    /**
     * The address of the mock request Spring's test framework binds around every test: service calls made directly
     * by a test are "in a request" from there.
     */
    static final String LOCAL = "127.0.0.1";

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService userDetails;

    @Autowired
    Fixtures fixtures;

    @Autowired
    FacilityService facilities;

    @Autowired
    InvitationService invitations;

    @Autowired
    RoleProfileService profiles;

    @Autowired
    AssociationAdminService associations;

    @Autowired
    AssociationStaffService staff;

    @Autowired
    MemberImportService imports;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    List<Row> rows(String where, Object... params) {
        return jdbc.sql("SELECT action, actor, subject, facility_id, association_id, remote_address, detail, occurred_at"
                        + " FROM audit_event WHERE " + where + " ORDER BY id")
                .params(params)
                .query((rs, i) -> {
                    assertThat(rs.getTimestamp("occurred_at")).isNotNull();
                    return new Row(rs.getString("action"), rs.getString("actor"), rs.getString("subject"),
                            rs.getObject("facility_id", Long.class), rs.getObject("association_id", Long.class),
                            rs.getString("remote_address"), rs.getString("detail"));
                }).list();
    }

    List<Row> ofFacility(long id) {
        return rows("facility_id = ?", id);
    }

    List<Row> ofAssociation(long id) {
        return rows("association_id = ?", id);
    }

    static RequestPostProcessor from(String address) {
        return r -> {
            r.setRemoteAddr(address);
            return r;
        };
    }

    static MockHttpServletRequestBuilder login(String username, String password) {
        return post("/login").param("username", username).param("password", password).with(csrf());
    }

    static String newUsername() {
        return "a" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    @Test
    void loginsFailedLoginsAndLogoutsAreRecordedWithTheAddressNeverThePassword() throws Exception {
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        String name = fixtures.member(clinic, MemberRole.VIEWER);
        Fixtures.anonymous();

        mvc.perform(login(name, Fixtures.PASSWORD).with(from("203.0.113.7")));
        mvc.perform(login(name, "wrong-password-123").with(from("203.0.113.8")));
        // a typed name with a line break (log forging) and far too long: stored cleaned and cut
        String forged = name + "\r\nLOGIN_SUCCEEDED admin" + "x".repeat(300);
        mvc.perform(login(forged, "whatever-1234").with(from("203.0.113.9")));
        mvc.perform(post("/logout").with(csrf()).with(user(userDetails.loadUserByUsername(name))).with(from("203.0.113.7")));

        assertThat(rows("subject = ? AND action <> 'ACCOUNT_CREATED' AND facility_id IS NULL", name)).containsExactly(
                new Row("LOGIN_SUCCEEDED", name, name, null, null, "203.0.113.7", "UsernamePasswordAuthenticationToken"),
                new Row("LOGIN_FAILED", null, name, null, null, "203.0.113.8", "BadCredentialsException"),
                new Row("LOGOUT", name, name, null, null, "203.0.113.7", null));
        List<Row> forgedRows = rows("action = 'LOGIN_FAILED' AND remote_address = '203.0.113.9' AND subject LIKE ?", name + "%");
        assertThat(forgedRows).hasSize(1);
        assertThat(forgedRows.getFirst().subject()).doesNotContain("\r", "\n").hasSize(200)
                .startsWith(name + "  LOGIN_SUCCEEDED admin").endsWith("…");
        // the password is nowhere in the log
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE detail LIKE '%wrong-password%' OR subject LIKE '%wrong-password%'"
                + " OR detail LIKE ? OR subject LIKE ?").params("%" + Fixtures.PASSWORD + "%", "%" + Fixtures.PASSWORD + "%")
                .query(Long.class).single()).isZero();
    }

    @Test
    void facilityLifeIsRecordedEventByEvent() {
        Fixtures.asAdmin();
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        var issued = invitations.invite(clinic.id(), MemberRole.EDITOR, "院長 山田");
        Fixtures.anonymous(); // the invitee has no account yet
        String editor = newUsername();
        invitations.accept(issued.code(), editor, "山田 太郎", Fixtures.mail(editor), Fixtures.PASSWORD);

        Fixtures.as(editor);
        FacilityProfile p = facilities.get(clinic.id());
        facilities.updateProfile(new FacilityProfile(p.id(), p.version(), p.name() + " 本院", p.type(), p.prefecture(),
                p.municipality(), p.areaType(), p.bedsGeneral(), p.bedsLongTerm(), p.bedsOther(), p.doctorsFullTime(),
                p.doctorsPartTime(), p.designations()));
        facilities.setConsent(clinic.id(), true);
        facilities.setConsent(clinic.id(), true); // no change: nothing to record
        facilities.setConsent(clinic.id(), false);
        long round = fixtures.submitRound(clinic.id(), role -> 2, role -> false);
        profiles.profile(round); // the facility's own people reading their results: not recorded

        assertThat(ofFacility(clinic.id())).containsExactly(
                new Row("FACILITY_CREATED", "admin", null, clinic.id(), null, LOCAL, clinic.name()),
                new Row("INVITATION_ISSUED", "admin", "院長 山田", clinic.id(), null, LOCAL, "invitation " + issued.id() + ", EDITOR"),
                new Row("INVITATION_ACCEPTED", null, editor, clinic.id(), null, LOCAL, "invitation " + issued.id()),
                new Row("FACILITY_MEMBER_ADDED", null, editor, clinic.id(), null, LOCAL, "EDITOR"),
                new Row("FACILITY_UPDATED", editor, null, clinic.id(), null, LOCAL, "version 1"),
                new Row("CONSENT_GIVEN", editor, null, clinic.id(), null, LOCAL, null),
                new Row("CONSENT_WITHDRAWN", editor, null, clinic.id(), null, LOCAL, null),
                new Row("ROUND_SUBMITTED", editor, null, clinic.id(), null, LOCAL, "round " + round));
        assertThat(rows("action = 'ACCOUNT_CREATED' AND subject = ?", editor))
                .containsExactly(new Row("ACCOUNT_CREATED", null, editor, null, null, LOCAL, null));
    }

    @Test
    void associationStaffInvitationsAndImportsAreRecorded() {
        Fixtures.asAdmin();
        String prefName = "福井県医師会 " + System.nanoTime();
        long pref = associations.create(prefName, AssociationLevel.PREFECTURAL, "福井県", null);
        long city = associations.create("福井市医師会", AssociationLevel.MUNICIPAL, "福井県", pref);
        String head = fixtures.associationAdmin(pref);
        String colleague = fixtures.associationAdmin(pref);
        long colleagueId = jdbc.sql("SELECT id FROM app_user WHERE username = ?").param(colleague).query(Long.class).single();

        Fixtures.as(head);
        var wrongPerson = staff.invite(pref, "宛先違い 太郎");
        staff.revoke(wrongPerson.id());
        staff.removeAdministrator(pref, colleagueId);
        String csv = """
                施設名,種別,市区町村,病床数,連絡先
                福井東クリニック,診療所,福井市,,山田 太郎
                福井西病院,病院,福井市,80,
                """;
        imports.importMembers(city, "members.csv", csv.getBytes(StandardCharsets.UTF_8), MemberImportService.Mode.VALID_ONLY);

        List<Row> prefRows = ofAssociation(pref);
        assertThat(prefRows).extracting(Row::action, Row::actor, Row::subject).containsExactly(
                tuple("ASSOCIATION_CREATED", "admin", null),
                tuple("INVITATION_ISSUED", "admin", "テスト " + head),
                tuple("INVITATION_ACCEPTED", head, head),
                tuple("ASSOCIATION_ADMIN_ADDED", head, head),
                tuple("INVITATION_ISSUED", "admin", "テスト " + colleague),
                tuple("INVITATION_ACCEPTED", colleague, colleague),
                tuple("ASSOCIATION_ADMIN_ADDED", colleague, colleague),
                tuple("INVITATION_ISSUED", head, "宛先違い 太郎"),
                tuple("INVITATION_REVOKED", head, "宛先違い 太郎"),
                tuple("ASSOCIATION_ADMIN_REMOVED", head, colleague));
        assertThat(prefRows.getFirst().detail()).isEqualTo(prefName);
        assertThat(prefRows).allSatisfy(r -> assertThat(r.facilityId()).isNull());

        List<Row> cityRows = ofAssociation(city);
        // issue 13: each facility the import registers is an ASSOCIATION_MEMBER_ADDED of the association too
        assertThat(cityRows).extracting(Row::action, Row::actor).containsExactly(
                tuple("ASSOCIATION_CREATED", "admin"), tuple("ASSOCIATION_MEMBER_ADDED", head),
                tuple("ASSOCIATION_MEMBER_ADDED", head), tuple("ASSOCIATION_MEMBERS_IMPORTED", head));
        assertThat(cityRows.getFirst().detail()).isEqualTo("福井市医師会, parent " + pref);
        assertThat(cityRows.get(1).facilityId()).isNotNull();
        assertThat(cityRows.get(3).detail()).isEqualTo("file members.csv: 2 imported, 0 skipped, 1 invited");
        // each imported facility was registered, and its contact invited, by the association's administrator
        assertThat(rows("action IN ('FACILITY_CREATED', 'INVITATION_ISSUED') AND actor = ? AND facility_id IS NOT NULL", head))
                .extracting(Row::action, Row::detail).containsExactly(
                        tuple("FACILITY_CREATED", "福井東クリニック"),
                        tuple("INVITATION_ISSUED", rows("action = 'INVITATION_ISSUED' AND actor = ? AND facility_id IS NOT NULL", head)
                                .getFirst().detail()),
                        tuple("FACILITY_CREATED", "福井西病院"));
    }

    @Test
    void readsOfAnotherFacilitysResultsAreRecordedOnceTheirOwnAreNot() throws Exception {
        Fixtures.asAdmin();
        long pref = associations.create("石川県医師会 " + System.nanoTime(), AssociationLevel.PREFECTURAL, "石川県", null);
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        associations.addFacility(pref, clinic.id());
        String editor = fixtures.member(clinic, MemberRole.EDITOR);
        facilities.setConsent(clinic.id(), true);
        long round = fixtures.submitRound(clinic.id(), role -> 3, role -> false);
        String head = fixtures.associationAdmin(pref);
        int before = rows("action = 'REPORT_DOWNLOADED' AND facility_id = ?", clinic.id()).size();
        assertThat(before).isZero();

        // association staff open the consenting member's profile (the rollup's drill-down)
        Fixtures.as(head);
        profiles.profile(round);
        Fixtures.anonymous();
        // the board report, downloaded by an administrator (outside) and by the facility's editor (inside)
        mvc.perform(get("/api/v1/assessments/{id}/report.xlsx", round).with(user(userDetails.loadUserByUsername("admin")))
                .with(from("198.51.100.9"))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/assessments/{id}/report.xlsx", round).with(user(userDetails.loadUserByUsername(editor)))
                .with(from("198.51.100.10"))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/assessments/{id}", round).with(user(userDetails.loadUserByUsername(editor))))
                .andExpect(status().isOk());

        assertThat(rows("action = 'REPORT_DOWNLOADED' AND facility_id = ?", clinic.id())).containsExactly(
                new Row("REPORT_DOWNLOADED", head, null, clinic.id(), null, LOCAL, "profile, round " + round),
                new Row("REPORT_DOWNLOADED", "admin", null, clinic.id(), null, "198.51.100.9", "report.xlsx, round " + round));

        // the association's rollup leaving the application: JSON and workbook, each once; a refusal records nothing
        mvc.perform(get("/api/v1/associations/{id}/rollup", pref).with(user(userDetails.loadUserByUsername(head)))
                .with(from("192.0.2.1"))).andExpect(status().isOk());
        var started = mvc.perform(get("/api/v1/associations/{id}/rollup.xlsx", pref).with(user(userDetails.loadUserByUsername(head)))
                .with(from("192.0.2.2"))).andExpect(request().asyncStarted()).andReturn();
        mvc.perform(asyncDispatch(started)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/associations/{id}/rollup", pref).with(user(userDetails.loadUserByUsername(editor))))
                .andExpect(status().isNotFound());
        assertThat(ofAssociation(pref)).filteredOn(r -> r.action().equals("REPORT_DOWNLOADED")).containsExactly(
                new Row("REPORT_DOWNLOADED", head, null, null, pref, "192.0.2.1", "rollup (API)"),
                new Row("REPORT_DOWNLOADED", head, null, null, pref, "192.0.2.2", "rollup.xlsx"));
    }

    @Test
    void aRolledBackChangeLeavesNoRecord() {
        FacilityProfile clinic = fixtures.facility(FacilityKind.CLINIC);
        String editor = fixtures.member(clinic, MemberRole.EDITOR);
        Fixtures.as(editor);
        int before = ofFacility(clinic.id()).size();

        new TransactionTemplate(transactionManager).executeWithoutResult(tx -> {
            facilities.setConsent(clinic.id(), true);
            // the event is already stored in this transaction...
            assertThat(rows("facility_id = ? AND action = 'CONSENT_GIVEN'", clinic.id())).hasSize(1);
            tx.setRollbackOnly();
        });
        // ...and goes with it
        assertThat(facilities.consent(clinic.id())).isFalse();
        assertThat(ofFacility(clinic.id())).hasSize(before);

        // the same change committed is recorded
        facilities.setConsent(clinic.id(), true);
        assertThat(ofFacility(clinic.id())).hasSize(before + 1);
    }
}
