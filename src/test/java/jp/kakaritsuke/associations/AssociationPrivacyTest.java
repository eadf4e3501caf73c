package jp.kakaritsuke.associations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoundSummary;
import jp.kakaritsuke.assessment.service.RoundService;
import jp.kakaritsuke.assessment.service.SubmissionService;
import jp.kakaritsuke.assessment.service.RoleProfileService;
import jp.kakaritsuke.associations.domain.AssociationLevel;
import jp.kakaritsuke.associations.service.AssociationAdminService;
import jp.kakaritsuke.associations.service.RollupService;
import jp.kakaritsuke.base.NotFoundException;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.facility.service.FacilityService;
import jp.kakaritsuke.facility.service.InvitationService;
import jp.kakaritsuke.testsupport.Fixtures;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Issue 10: a member's consent (「結果の閲覧」) grants its association's staff the submitted results and nothing more;
 * what they may not see answers 404 like an id that does not exist; they invite the first editor of an empty member
 * only. On H2 and MariaDB.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AssociationPrivacyTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    AssociationAdminService admin;
    @Autowired
    RollupService rollups;
    @Autowired
    RoundService rounds;
    @Autowired
    SubmissionService submissions;
    @Autowired
    RoleProfileService profiles;
    @Autowired
    FacilityService facilities;
    @Autowired
    InvitationService invitations;
    @Autowired
    UserDetailsService users;
    @Autowired
    MockMvc mvc;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    long city;
    long other;
    FacilityProfile consenting;
    FacilityProfile private_;
    FacilityProfile empty;
    long submittedRound;
    long draftRound;
    long privateRound;
    String staff;
    String consentingEditor;

    @BeforeEach
    void setUp() {
        Fixtures.asAdmin();
        long prefecture = admin.create("千葉県医師会 " + System.nanoTime(), AssociationLevel.PREFECTURAL, "千葉県", null);
        city = admin.create("柏市医師会", AssociationLevel.MUNICIPAL, "千葉県", prefecture);
        other = admin.create("松戸市医師会", AssociationLevel.MUNICIPAL, "千葉県", prefecture);
        consenting = fixtures.facility(FacilityKind.CLINIC);
        private_ = fixtures.facility(FacilityKind.CLINIC);
        empty = fixtures.facility(FacilityKind.CLINIC);
        consentingEditor = fixtures.member(consenting, MemberRole.EDITOR);
        facilities.setConsent(consenting.id(), true);
        submittedRound = fixtures.submitRound(consenting.id(), r -> 2, r -> false);
        draftRound = rounds.startRound(consenting.id()).summary().id();
        fixtures.member(private_, MemberRole.EDITOR);
        privateRound = fixtures.submitRound(private_.id(), r -> 3, r -> false);
        Fixtures.asAdmin();
        for (FacilityProfile f : List.of(consenting, private_, empty)) {
            admin.addFacility(city, f.id());
        }
        staff = fixtures.associationAdmin(city);
    }

    @AfterEach
    void tearDown() {
        Fixtures.anonymous();
    }

    RequestPostProcessor as(String username) {
        return SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(username));
    }

    /**
     * Membership brings a consenting facility's results into an association's sight: its staff cannot add an existing
     * facility by id (a consenting member of another association, say) — only administrators can; staff register
     * members through the import (issue 13).
     */
    @Test
    void associationStaffCannotAddAnExistingFacilityById() {
        Fixtures.asAdmin();
        FacilityProfile elsewhere = fixtures.facility(FacilityKind.CLINIC);
        fixtures.member(elsewhere, MemberRole.EDITOR);
        Fixtures.asAdmin();
        facilities.setConsent(elsewhere.id(), true);
        admin.addFacility(other, elsewhere.id());
        Fixtures.as(staff);
        assertThatThrownBy(() -> admin.addFacility(city, elsewhere.id()))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        Fixtures.asAdmin();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM association_facility WHERE association_id = ? AND facility_id = ?")
                .params(city, elsewhere.id()).query(Integer.class).single()).isZero();
    }

    @Test
    void consentGrantsTheSubmittedResultsAndNothingElse() {
        Fixtures.as(staff);
        // the submitted round, its profile and the facility's name stay readable
        assertThat(rounds.round(submittedRound).answers()).hasSize(14);
        assertThat(profiles.profile(submittedRound).scores()).hasSize(14);
        assertThat(facilities.get(consenting.id()).name()).isEqualTo(consenting.name());
        assertThat(rounds.rounds(consenting.id())).extracting(RoundSummary::id).containsExactly(submittedRound);
        // the draft, the people, the invitations, the editing: as if they did not exist
        assertThatThrownBy(() -> rounds.round(draftRound)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> profiles.profile(draftRound)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> rounds.draft(consenting.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> facilities.members(consenting.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> invitations.list(consenting.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> facilities.updateProfile(facilities.get(consenting.id()))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> rounds.startRound(consenting.id())).isInstanceOf(NotFoundException.class);
        // a member without consent: nothing at all, the same answer as for an id that does not exist
        assertThatThrownBy(() -> rounds.round(privateRound)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> facilities.get(private_.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> rounds.round(Long.MAX_VALUE)).isInstanceOf(NotFoundException.class);
        // another association, existing or not
        assertThatThrownBy(() -> rollups.rollup(other)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> rollups.rollup(Long.MAX_VALUE)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aViewerWhoSeesTheFacilityIsRefusedWith403() {
        String viewer = fixtures.member(consenting, MemberRole.VIEWER);
        Fixtures.as(viewer);
        assertThat(rounds.round(draftRound).answers()).hasSize(14);
        assertThatThrownBy(() -> submissions.submit(draftRound)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> invitations.list(consenting.id())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theApiListsWhatTheCallerMayReadAndAnswers404ForTheRest() throws Exception {
        Fixtures.anonymous();
        mvc.perform(get("/api/v1/assessments").with(as(staff)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", Matchers.contains((int) submittedRound)));
        mvc.perform(get("/api/v1/assessments/{id}", submittedRound).with(as(staff))).andExpect(status().isOk());
        for (long id : new long[] {draftRound, privateRound, Long.MAX_VALUE}) {
            mvc.perform(get("/api/v1/assessments/{id}", id).with(as(staff)))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
            mvc.perform(get("/api/v1/assessments/{id}/report.xlsx", id).with(as(staff))).andExpect(status().isNotFound());
        }
        mvc.perform(get("/api/v1/associations/{id}/rollup", other).with(as(staff))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/associations/{id}/rollup", Long.MAX_VALUE).with(as(staff))).andExpect(status().isNotFound());
        // the facility's own editor still lists both its rounds
        mvc.perform(get("/api/v1/assessments").with(as(consentingEditor)))
                .andExpect(jsonPath("$[*].id", Matchers.containsInAnyOrder((int) submittedRound, (int) draftRound)));
    }

    @Test
    void anAssociationInvitesTheFirstEditorOfAnEmptyMemberOnly() {
        Fixtures.as(staff);
        assertThat(invitations.invite(empty.id(), MemberRole.EDITOR, "院長").code()).isNotBlank();
        assertThatThrownBy(() -> invitations.invite(empty.id(), MemberRole.VIEWER, "事務"))
                .isInstanceOf(AccessDeniedException.class);
        // members that have people, consenting or not: their own editors decide who joins
        assertThatThrownBy(() -> invitations.invite(consenting.id(), MemberRole.EDITOR, "x")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> invitations.invite(private_.id(), MemberRole.EDITOR, "x")).isInstanceOf(NotFoundException.class);
        // once someone has joined the empty one, it is closed to the association too
        fixtures.member(empty, MemberRole.EDITOR);
        Fixtures.as(staff);
        assertThatThrownBy(() -> invitations.invite(empty.id(), MemberRole.EDITOR, "y")).isInstanceOf(NotFoundException.class);
        // a facility of another association: nothing
        FacilityProfile outside = fixtures.facility(FacilityKind.CLINIC);
        Fixtures.asAdmin();
        admin.addFacility(other, outside.id());
        Fixtures.as(staff);
        assertThatThrownBy(() -> invitations.invite(outside.id(), MemberRole.EDITOR, "z")).isInstanceOf(NotFoundException.class);
    }
}
