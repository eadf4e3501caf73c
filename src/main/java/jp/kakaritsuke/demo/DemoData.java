package jp.kakaritsuke.demo;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.functionreport.domain.ReportChoice;
import jp.kakaritsuke.functionreport.domain.ReportItem;
import jp.kakaritsuke.functionreport.service.AnswerInput;
import jp.kakaritsuke.functionreport.service.PreparationBackdating;
import jp.kakaritsuke.functionreport.service.PreparationView;
import jp.kakaritsuke.functionreport.service.ReportPreparationService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.kakaritsuke.assessment.domain.Choice;
import jp.kakaritsuke.assessment.domain.Indicator;
import jp.kakaritsuke.assessment.domain.Questionnaire;
import jp.kakaritsuke.assessment.domain.RoleQuestion;
import jp.kakaritsuke.assessment.service.AssessmentModels.AnswerValue;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoleAnswerInput;
import jp.kakaritsuke.assessment.service.AssessmentModels.RoundView;
import jp.kakaritsuke.assessment.service.RoundService;
import jp.kakaritsuke.assessment.service.SubmissionService;
import jp.kakaritsuke.assessment.service.QuestionnaireService;
import jp.kakaritsuke.assessment.service.RoundBackdating;
import jp.kakaritsuke.associations.domain.AssociationLevel;
import jp.kakaritsuke.associations.service.AssociationAdminService;
import jp.kakaritsuke.associations.service.AssociationRoundBackdating;
import jp.kakaritsuke.associations.service.AssociationStaffService;
import jp.kakaritsuke.base.AreaType;
import jp.kakaritsuke.facility.domain.Designation;
import jp.kakaritsuke.peers.service.PeerService;
import jp.kakaritsuke.facility.domain.FacilityProfile;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.facility.domain.MemberRole;
import jp.kakaritsuke.facility.service.FacilityService;
import jp.kakaritsuke.facility.service.InvitationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds the demo through the real services (invitations, autosave, submit), acting as the bootstrap administrator
 * and then as each demo editor, so the demo exercises the same rules as real use; it names no table (last year's
 * history is restated by the owning modules' demo-only backdating services). Runs once: skipped when the demo
 * clinic exists. All of it is one transaction that the services join, so a start stopped half-way leaves nothing
 * and the next start seeds again; the passwords are printed once, after the commit. Runs before the application
 * reports ready (ApplicationRunners do).
 */
@Component
@Profile("!mariadb")
@ConditionalOnProperty(name = "app.demo.enabled", havingValue = "true")
@Order(100) // after the bootstrap administrator
class DemoData implements ApplicationRunner {

    static final String CLINIC = "さくら在宅クリニック (デモ)";
    private static final RoleCode[] PRIORITY_CHOICES = {RoleCode.HOME_CARE, RoleCode.OUT_OF_HOURS,
            RoleCode.MULTIDISCIPLINARY, RoleCode.END_OF_LIFE, RoleCode.CARE_WELFARE, RoleCode.SCHOOL_HEALTH,
            RoleCode.CLINIC_CLINIC};
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final FacilityService facilities;
    private final InvitationService invitations;
    private final RoundService rounds;
    private final SubmissionService submissions;
    private final QuestionnaireService questionnaires;
    private final Clock clock;
    private final AssociationAdminService associations;
    private final jp.kakaritsuke.associations.service.AssociationRoundService associationRounds;
    private final AssociationStaffService associationStaff;
    private final ReportPreparationService preparations;
    private final String adminUsername;
    private final TransactionTemplate transaction;
    private final RoundBackdating roundBackdating;
    private final PreparationBackdating preparationBackdating;
    private final AssociationRoundBackdating associationRoundBackdating;
    private final PeerService peers;

    DemoData(FacilityService facilities, InvitationService invitations, RoundService rounds, SubmissionService submissions,
             QuestionnaireService questionnaires, Clock clock, AssociationAdminService associations,
             jp.kakaritsuke.associations.service.AssociationRoundService associationRounds,
             AssociationStaffService associationStaff, ReportPreparationService preparations,
             @Value("${app.bootstrap.admin-username:admin}") String adminUsername,
             PlatformTransactionManager transactionManager, RoundBackdating roundBackdating,
             PreparationBackdating preparationBackdating, AssociationRoundBackdating associationRoundBackdating,
             PeerService peers) {
        this.transaction = new TransactionTemplate(transactionManager);
        this.peers = peers;
        this.roundBackdating = roundBackdating;
        this.preparationBackdating = preparationBackdating;
        this.associationRoundBackdating = associationRoundBackdating;
        this.associationRounds = associationRounds;
        this.associationStaff = associationStaff;
        this.preparations = preparations;
        this.associations = associations;
        this.facilities = facilities;
        this.invitations = invitations;
        this.rounds = rounds;
        this.submissions = submissions;
        this.questionnaires = questionnaires;
        this.clock = clock;
        this.adminUsername = adminUsername;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            seed();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    void seed() {
        Map<String, String> passwords = transaction.execute(status -> seedInTransaction());
        if (passwords == null) {
            return;
        }
        StringBuilder s = new StringBuilder("\n==================================================================\n Demo users (embedded database only; shown once):\n");
        passwords.forEach((user, password) -> s.append(String.format("   %-18s %s%n", user, password)));
        s.append("==================================================================");
        log.warn(s.toString());
    }

    /** The whole demo; returns the passwords to print, or null when the demo exists already. */
    private Map<String, String> seedInTransaction() {
        actAs(adminUsername, "ADMIN");
        if (facilities.search(CLINIC, 0, 10).stream().anyMatch(f -> f.name().equals(CLINIC))) {
            return null;
        }
        log.info("Seeding the demo data (one transaction)");
        FacilityProfile clinic = facilities.create(new FacilityProfile(null, 0, CLINIC, FacilityKind.CLINIC, "千葉県", "柏市",
                AreaType.REGIONAL_CITY, null, null, null, 3, 4, Set.of(Designation.HOME_CARE_SUPPORT_CLINIC_ENHANCED)));
        FacilityProfile hospital = facilities.create(new FacilityProfile(null, 0, "みどり地域病院 (デモ)", FacilityKind.HOSPITAL,
                "長野県", "松本市", AreaType.REGIONAL_CITY, 80, 40, null, 14, 10,
                Set.of(Designation.HOME_CARE_SUPPORT_HOSPITAL, Designation.COMMUNITY_CARE_WARD)));
        FacilityProfile association = facilities.create(new FacilityProfile(null, 0, "ひかり市医師会 (デモ)", FacilityKind.ASSOCIATION,
                "愛知県", "豊田市", AreaType.REGIONAL_CITY, null, null, null, null, null, Set.of()));

        Map<String, String> passwords = new LinkedHashMap<>();
        join(clinic, "demo-clinic", "佐藤 花子 (院長)", MemberRole.EDITOR, passwords);
        join(clinic, "demo-board", "鈴木 一郎 (理事)", MemberRole.VIEWER, passwords);
        join(hospital, "demo-hospital", "高橋 健 (企画室)", MemberRole.EDITOR, passwords);
        join(association, "demo-association", "伊藤 誠 (事務局)", MemberRole.EDITOR, passwords);

        // a clinic strong in home care, a year apart; a community hospital; an association building a network
        actAs("demo-clinic", "USER");
        long first = submitRound(clinic.id(), new int[] {2, 2, 0, 1, 1, 0, 2, 2, 2, 1, 2, 1, 1, 1}, List.of(RoleCode.OUT_OF_HOURS, RoleCode.END_OF_LIFE));
        backdate(first, Duration.ofDays(365));
        submitRound(clinic.id(), new int[] {3, 3, 0, 1, 1, 0, 3, 3, 3, 3, 3, 2, 2, 1}, List.of(RoleCode.EMERGENCY, RoleCode.CAREER_SUPPORT));
        actAs("demo-hospital", "USER");
        submitRound(hospital.id(), new int[] {1, 3, 3, 1, 0, 1, 3, 3, 2, 2, 3, 3, 2, 2}, List.of(RoleCode.HOME_CARE));
        actAs("demo-association", "USER");
        submitRound(association.id(), new int[] {3, 3, 2, 1, 2, 1, 3, 2, 3, 1, 4, 2, 2, 3}, List.of(RoleCode.MULTIDISCIPLINARY, RoleCode.OUT_OF_HOURS));

        // a prefectural association with a city association and members around the demo clinic, for the rollups
        actAs(adminUsername, "ADMIN");
        long chiba = associations.create("千葉県医師会 (デモ)", AssociationLevel.PREFECTURAL, "千葉県", null);
        long kashiwa = associations.create("柏市医師会 (デモ)", AssociationLevel.MUNICIPAL, "千葉県", chiba);
        long matsudo = associations.create("松戸市医師会 (デモ)", AssociationLevel.MUNICIPAL, "千葉県", chiba);
        associations.addFacility(kashiwa, clinic.id());
        // enough members that most figures clear the suppression, with two gaps to find: 学校保健 in 柏市 and
        // 休日夜間・24時間対応 in 松戸市; about half answered a year ago too, so the rollup shows change
        java.util.Random random = new java.util.Random(2026);
        List<Member> members = List.of(new Member("柏の葉ファミリークリニック (デモ)", "柏市"), new Member("北柏内科 (デモ)", "柏市"),
                new Member("手賀沼こどもクリニック (デモ)", "柏市"), new Member("柏南在宅診療所 (デモ)", "柏市"),
                new Member("豊四季内科 (デモ)", "柏市"), new Member("増尾ファミリー医院 (デモ)", "柏市"),
                new Member("逆井整形外科 (デモ)", "柏市"), new Member("柏駅前眼科 (デモ)", "柏市"),
                new Member("高柳こどもクリニック (デモ)", "柏市"), new Member("新柏内科・循環器クリニック (デモ)", "柏市"),
                new Member("柏の森病院 (デモ)", "柏市"),
                new Member("松戸駅前クリニック (デモ)", "松戸市"), new Member("新松戸内科 (デモ)", "松戸市"),
                new Member("常盤平医院 (デモ)", "松戸市"), new Member("八柱こどもクリニック (デモ)", "松戸市"),
                new Member("馬橋内科 (デモ)", "松戸市"), new Member("五香在宅診療所 (デモ)", "松戸市"),
                new Member("北松戸整形外科 (デモ)", "松戸市"), new Member("東松戸クリニック (デモ)", "松戸市"));
        for (int i = 0; i < members.size(); i++) {
            actAs(adminUsername, "ADMIN");
            Member m = members.get(i);
            boolean hospitalMember = m.name().contains("病院");
            FacilityProfile member = facilities.create(new FacilityProfile(null, 0, m.name(),
                    hospitalMember ? FacilityKind.HOSPITAL : FacilityKind.CLINIC, "千葉県", m.municipality(), AreaType.METROPOLITAN,
                    hospitalMember ? 120 : null, null, null, hospitalMember ? 18 : 1 + i % 3, i % 2, Set.of()));
            boolean kashiwaMember = m.municipality().equals("柏市");
            associations.addFacility(kashiwaMember ? kashiwa : matsudo, member.id());
            String editor = "demo-member" + (i + 1);
            join(member, editor, m.name() + " 院長", MemberRole.EDITOR, new LinkedHashMap<>());
            actAs(editor, "USER");
            if (i % 3 == 0) {
                facilities.setConsent(member.id(), true);
            }
            if (i % 2 == 0) { // half of them count in peer statistics (a separate consent, docs/peers.md)
                peers.setConsent(member.id(), true);
            }
            int[] levels = new int[14];
            for (int r = 0; r < levels.length; r++) {
                levels[r] = random.nextInt(5);
            }
            if (kashiwaMember) {
                levels[4] = random.nextInt(3); // 学校保健: a gap in 柏市
            } else {
                levels[7] = random.nextInt(3); // 休日夜間・24時間対応: a gap in 松戸市
            }
            List<RoleCode> priorities = List.of(PRIORITY_CHOICES[i % PRIORITY_CHOICES.length], PRIORITY_CHOICES[(i + 2) % PRIORITY_CHOICES.length]);
            if (i % 5 == 3) { // some members are still answering, one has not started
                rounds.startRound(member.id());
                continue;
            }
            if (i == 15) {
                continue;
            }
            if (i % 2 == 0) {
                int[] lastYear = new int[14];
                for (int r = 0; r < lastYear.length; r++) {
                    lastYear[r] = Math.clamp(levels[r] + 1 - random.nextInt(3), 0, 4); // mostly up, some down
                }
                backdate(submitRound(member.id(), lastYear, List.of(priorities.getFirst())), Duration.ofDays(365));
            }
            submitRound(member.id(), levels, priorities);
            // the yearly report: most members have prepared this season's, a few are at it, the rest not yet
            if (i % 4 != 3) {
                prepareReport(member.id(), preparations.currentReportYear(), 0.35 + 0.6 * random.nextDouble(), random, i % 5 != 4);
            }
        }
        // peers (issue 15): clinics in regional cities of 関東 that count in peer statistics, so that the demo clinic's
        // default group (clinics, 地方都市, 関東) clears the threshold of 10 consenting facilities
        String[][] peerClinics = {{"茨城県", "水戸市"}, {"栃木県", "宇都宮市"}, {"群馬県", "前橋市"}, {"群馬県", "高崎市"},
                {"埼玉県", "川越市"}, {"埼玉県", "熊谷市"}, {"茨城県", "つくば市"}, {"栃木県", "小山市"}, {"群馬県", "太田市"},
                {"埼玉県", "所沢市"}, {"千葉県", "成田市"}, {"千葉県", "木更津市"}};
        for (int i = 0; i < peerClinics.length; i++) {
            actAs(adminUsername, "ADMIN");
            FacilityProfile peer = facilities.create(new FacilityProfile(null, 0, peerClinics[i][1] + "みなみ診療所 (デモ)",
                    FacilityKind.CLINIC, peerClinics[i][0], peerClinics[i][1], AreaType.REGIONAL_CITY,
                    i % 4 == 0 ? 12 : null, null, null, 1 + i % 3, i % 2,
                    i % 3 == 0 ? Set.of(Designation.HOME_CARE_SUPPORT_CLINIC) : Set.of()));
            String editor = "demo-peer" + (i + 1);
            join(peer, editor, peerClinics[i][1] + " 院長", MemberRole.EDITOR, new LinkedHashMap<>());
            actAs(editor, "USER");
            peers.setConsent(peer.id(), true);
            int[] levels = new int[14];
            for (int r = 0; r < levels.length; r++) {
                levels[r] = Math.clamp(1 + random.nextInt(4) - (r % 5 == 4 ? 1 : 0), 0, 4);
            }
            submitRound(peer.id(), levels, List.of(PRIORITY_CHOICES[i % PRIORITY_CHOICES.length]));
        }
        // the demo clinic filed last season's report and has started this season's: last year's answers come back
        // for confirmation, and the two items its self-assessment asks the same way are pre-filled
        actAs("demo-clinic", "USER");
        int season = preparations.currentReportYear();
        prepareReport(clinic.id(), season - 1, 0.8, random, true);
        var filed = java.time.LocalDate.of(season - 1, 2, 12).atTime(10, 30).atZone(clock.getZone()).toInstant();
        asAdmin(() -> preparationBackdating.backdate(clinic.id(), season - 1, filed));
        preparations.start(clinic.id(), season);
        facilities.setConsent(clinic.id(), true);
        peers.setConsent(clinic.id(), true);
        actAs(adminUsername, "ADMIN");
        long round = associationRounds.open(kashiwa, "2026年度", java.time.LocalDate.now(clock).plusMonths(4));
        // the round was opened a month ago: this year's submissions above fall within it, last year's do not
        associationRoundBackdating.backdate(round, clock.instant().minus(Duration.ofDays(30)));
        // the association's staff join the way real staff do: an invitation they accept with their own password
        // by mail (issue 13): the invitation waits in the outbox of the embedded default for the administrator to read
        String chibaCode = associationStaff.invite(chiba, "千葉県医師会 事務局", "demo-chiba@example.jp").code();
        associationStaff.accept(chibaCode, "demo-chiba", "千葉県医師会 事務局", "demo-chiba@example.jp", passwords.computeIfAbsent("demo-chiba", k -> password()));
        return passwords;
    }

    private void join(FacilityProfile facility, String username, String name, MemberRole role, Map<String, String> passwords) {
        actAs(adminUsername, "ADMIN");
        // invited by mail like real members (the demo has no SMTP server: the mail stays in the outbox, 送信メール)
        String code = invitations.invite(facility.id(), role, name, username + "@example.jp").code();
        String password = password();
        invitations.accept(code, username, name, username + "@example.jp", password);
        passwords.put(username, password);
    }

    /** Answers every role (levels given, indicators filled to match the level) and submits. */
    private long submitRound(long facilityId, int[] levels, List<RoleCode> priorities) {
        RoundView round = rounds.startRound(facilityId);
        // as this facility is asked it (version 3 asks associations other indicators than clinics)
        Questionnaire q = rounds.questionnaire(round.summary().id());
        List<RoleQuestion> roles = q.roles();
        for (int i = 0; i < roles.size(); i++) {
            RoleQuestion role = roles.get(i);
            int level = levels[i % levels.length];
            Map<String, AnswerValue> indicators = new LinkedHashMap<>();
            List<Indicator> list = new ArrayList<>(role.indicators());
            for (int k = 0; k < list.size(); k++) {
                Indicator ind = list.get(k);
                boolean done = k < level; // higher levels: more indicators in place
                indicators.put(ind.code(), switch (ind.type()) {
                    case YES_NO -> AnswerValue.of(done ? Choice.YES : Choice.NO);
                    case REPORT_SCALE -> AnswerValue.of(done ? Choice.PROVIDED : (level > 0 ? Choice.NONE_WITH_INTENT : Choice.NONE_NO_INTENT));
                    case REPORT_FREQUENCY -> AnswerValue.of(done ? Choice.FREQ_1 : (level > 0 ? Choice.FREQ_NONE_WITH_INTENT : Choice.FREQ_NONE_NO_INTENT));
                    case OUT_OF_HOURS_FEE -> AnswerValue.of(done ? Choice.OOH_FEE_3 : Choice.OOH_FEE_NONE);
                    case NUMBER -> AnswerValue.of(BigDecimal.valueOf(ind.fullCredit() == null ? 0
                            : Math.min(ind.max() == null ? Integer.MAX_VALUE : ind.max(), ind.fullCredit() * level / 4)));
                });
            }
            long version = round.answer(role.roleCode()).version();
            rounds.saveRoleAnswer(round.summary().id(), role.roleCode(), version,
                    new RoleAnswerInput(level, priorities.contains(role.roleCode()), null, indicators));
        }
        return submissions.submit(round.summary().id()).summary().id();
    }

    /**
     * Answers every item of the year's edition as a facility of this {@code strength} (0–1) would — in the report's
     * order, so an item asked only after another's choice follows it — and submits when asked to. The (★) items of
     * 1号 are mostly met, as they are for most clinics.
     */
    private void prepareReport(long facilityId, int year, double strength, java.util.Random random, boolean submit) {
        PreparationView view = preparations.view(facilityId, year);
        if (!view.started()) {
            view = preparations.start(facilityId, year);
        }
        Map<String, AnswerInput> answers = new LinkedHashMap<>();
        Map<String, Integer> chosen = new java.util.HashMap<>();
        for (ReportItem item : view.edition().items()) {
            if (item.dependsOnItem() != null && !java.util.Objects.equals(chosen.get(item.dependsOnItem()), item.dependsOnChoice())) {
                continue;
            }
            double chance = item.requiredForNo1() ? 0.9 : strength;
            AnswerInput answer = switch (item.type()) {
                case SINGLE_CHOICE -> {
                    List<ReportChoice> pool = item.choices().stream().filter(c -> c.fulfils() == random.nextDouble() < chance).toList();
                    ReportChoice c = pool.isEmpty() ? item.choices().getFirst() : pool.get(random.nextInt(pool.size()));
                    chosen.put(item.code(), c.code());
                    yield AnswerInput.choice(c.code());
                }
                case MULTI_CHOICE -> {
                    List<Integer> codes = item.choices().stream().filter(c -> !c.exclusive() && random.nextDouble() < chance / 2)
                            .map(ReportChoice::code).toList();
                    Integer none = item.choices().stream().filter(ReportChoice::exclusive).map(ReportChoice::code).findFirst().orElse(null);
                    yield codes.isEmpty() && none != null ? AnswerInput.choice(none) : new AnswerInput(codes, null, null, null);
                }
                case NUMBER -> {
                    int top = item.max() == null ? 40 : Math.min(40, item.max().intValue());
                    yield AnswerInput.number(item.decimals() > 0 ? "1.5" : String.valueOf(Math.round(strength * top)));
                }
                case NAME_LIST -> strength > 0.5 ? new AnswerInput(null, null, null, List.of("柏の森病院 (デモ)", "北柏内科 (デモ)")) : null;
                case TEXT -> null;
            };
            if (answer != null && !(answer.choices().isEmpty() && answer.number() == null && answer.names().isEmpty())) {
                answers.put(item.code(), answer);
            }
        }
        view = preparations.save(facilityId, year, view.version(), answers);
        if (!view.unconfirmed().isEmpty()) {
            view = preparations.confirm(facilityId, year, view.version(), view.unconfirmed());
        }
        if (submit) {
            preparations.submit(facilityId, year, view.version());
        }
    }

    /** Demo history needs a round from last year; the services always use now. */
    private void backdate(long roundId, Duration by) {
        asAdmin(() -> roundBackdating.backdate(roundId, clock.instant().minus(by)));
    }

    /** The backdating services are the administrator's: act as them for a moment, then as whoever acted before. */
    private void asAdmin(Runnable work) {
        Authentication before = SecurityContextHolder.getContext().getAuthentication();
        actAs(adminUsername, "ADMIN");
        try {
            work.run();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(before);
        }
    }

    private static void actAs(String username, String role) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                username, null, List.of(new SimpleGrantedAuthority("ROLE_" + role))));
    }

    /** A member of the demo's city associations: its name and municipality. */
    private record Member(String name, String municipality) {
    }

    private static String password() {
        byte[] b = new byte[12];
        new SecureRandom().nextBytes(b);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
