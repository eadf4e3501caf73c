package jp.kakaritsuke.peers.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import jp.kakaritsuke.base.AreaType;
import jp.kakaritsuke.base.FacilityKind;
import jp.kakaritsuke.base.InvalidInputException;
import jp.kakaritsuke.base.Region;
import jp.kakaritsuke.caselibrary.domain.RoleCode;
import jp.kakaritsuke.facility.domain.Designation;
import jp.kakaritsuke.peers.domain.BedBand;
import jp.kakaritsuke.peers.domain.PeerComparison;
import jp.kakaritsuke.peers.domain.PeerConsent;
import jp.kakaritsuke.peers.domain.PeerGroup;
import jp.kakaritsuke.peers.domain.RoleDistribution;
import jp.kakaritsuke.peers.service.PeerService;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A submitted assessment among its peers, and a facility's benchmarking consent, for API clients (docs/api.md,
 * docs/peers.md). The same service calls and rules as the result page: a bad group is a 400 problem naming the
 * offending parameters ({@code fields}); a round or facility the caller may not see is a 404.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "Peers", description = "A submitted assessment among consenting peers (anonymous statistics), and the"
        + " facility's benchmarking consent")
class PeerApi {

    private final PeerService peers;

    PeerApi(PeerService peers) {
        this.peers = peers;
    }

    @Operation(summary = "Statistics of the assessment's peer group, per role",
            description = "group=default (same kind, bed band for hospitals, area type, region as submitted),"
                    + " recommended (the 50 most similar consenting facilities) or custom (kind, bedBand, areaType,"
                    + " region or prefecture, designation repeatable; kind defaults to the facility's). Nothing is"
                    + " shown unless the facility consents itself, and no statistics for fewer than 10 facilities"
                    + " (withheld TOO_FEW, size 0). Per role: count, q1, median, q3 (whole levels) and the"
                    + " facility's percentile rank.")
    @GetMapping("/assessments/{id}/peers")
    PeersJson peers(@PathVariable long id,
                    @Parameter(description = "default | recommended | custom") @RequestParam(defaultValue = "default") String group,
                    @Parameter(description = "CLINIC | HOSPITAL (custom)") @RequestParam(required = false) @Nullable String kind,
                    @Parameter(description = "a BedBand fitting the kind (custom)") @RequestParam(required = false) @Nullable String bedBand,
                    @Parameter(description = "METROPOLITAN | REGIONAL_CITY | RURAL (custom)") @RequestParam(required = false) @Nullable String areaType,
                    @Parameter(description = "a Region (custom; not with prefecture)") @RequestParam(required = false) @Nullable String region,
                    @Parameter(description = "a prefecture's name, e.g. 千葉県 (custom)") @RequestParam(required = false) @Nullable String prefecture,
                    @Parameter(description = "Designations the peers must hold (custom; repeatable)") @RequestParam(required = false) @Nullable List<String> designation) {
        return switch (group) {
            case "default" -> PeersJson.of(peers.defaultGroup(id));
            case "recommended" -> PeersJson.of(peers.recommended(id));
            case "custom" -> PeersJson.of(peers.group(id, custom(id, kind, bedBand, areaType, region, prefecture,
                    designation == null ? List.of() : designation)));
            default -> throw new InvalidInputException(List.of("peers.group.error.group"), List.of("group"));
        };
    }

    @Operation(summary = "The facility's benchmarking consent")
    @GetMapping("/facilities/{id}/peer-consent")
    ConsentJson consent(@PathVariable long id) {
        return ConsentJson.of(peers.consent(id));
    }

    @Operation(summary = "Give or withdraw the benchmarking consent (editors)",
            description = "Body {\"consenting\": true|false}. Effective for the next statistics on every node.")
    @PutMapping(path = "/facilities/{id}/peer-consent", consumes = "application/json")
    ConsentJson setConsent(@PathVariable long id, @RequestBody ConsentInput body) {
        if (body.consenting() == null) {
            throw new InvalidInputException(List.of("peers.consent.error.body"), List.of("consenting"));
        }
        return ConsentJson.of(peers.setConsent(id, body.consenting()));
    }

    private PeerGroup custom(long roundId, @Nullable String kind, @Nullable String bedBand, @Nullable String areaType,
                             @Nullable String region, @Nullable String prefecture, List<String> designations) {
        List<String> fields = new ArrayList<>();
        FacilityKind k = kind == null ? peers.defaultGroupOf(roundId).kind() : parse(kind, FacilityKind::valueOf, "kind", fields);
        BedBand band = bedBand == null ? null : parse(bedBand, BedBand::valueOf, "bedBand", fields);
        AreaType area = areaType == null ? null : parse(areaType, AreaType::valueOf, "areaType", fields);
        Region r = region == null ? null : parse(region, Region::valueOf, "region", fields);
        Set<Designation> ds = EnumSet.noneOf(Designation.class);
        for (String d : designations) {
            Designation parsed = parse(d, Designation::valueOf, "designation", fields);
            if (parsed != null) {
                ds.add(parsed);
            }
        }
        if (!fields.isEmpty() || k == null) {
            throw new InvalidInputException(List.of("peers.group.error.value"), fields.stream().distinct().toList());
        }
        // validated by the service, after the round's access check (an invisible round is a 404 whatever the group)
        return new PeerGroup(k, band, area, r, prefecture == null || prefecture.isBlank() ? null : prefecture, ds);
    }

    private static <T> @Nullable T parse(String value, Function<String, T> of, String field, List<String> fields) {
        try {
            return of.apply(value.trim());
        } catch (IllegalArgumentException e) {
            fields.add(field);
            return null;
        }
    }

    record ConsentInput(@Nullable Boolean consenting) {
    }

    /** {@code changedAt}: null until an editor first chose; {@code canChange}: the caller is an editor. */
    record ConsentJson(long facilityId, boolean consenting, @Nullable String changedAt, @Nullable String changedBy,
                       boolean canChange) {
        static ConsentJson of(PeerConsent c) {
            return new ConsentJson(c.facilityId(), c.consenting(), c.changedAt() == null ? null : c.changedAt().toString(),
                    c.changedBy(), c.canChange());
        }
    }

    record GroupJson(FacilityKind kind, @Nullable BedBand bedBand, @Nullable AreaType areaType, @Nullable Region region,
                     @Nullable String prefecture, List<Designation> designations) {
        static @Nullable GroupJson of(@Nullable PeerGroup g) {
            return g == null ? null : new GroupJson(g.kind(), g.bedBand(), g.areaType(), g.region(), g.prefecture(),
                    g.designations().stream().sorted().toList());
        }
    }

    /** Per role; {@code count}, quartiles and {@code percentile} null where fewer than 10 facilities answered it. */
    record RoleJson(RoleCode role, @Nullable Integer facilityLevel, @Nullable Integer count, @Nullable Integer q1,
                    @Nullable Integer median, @Nullable Integer q3, @Nullable Integer percentile) {
        static RoleJson of(RoleDistribution d) {
            RoleDistribution.Spread s = d.spread();
            return new RoleJson(d.role(), d.facilityLevel(), s == null ? null : s.count(), s == null ? null : s.q1(),
                    s == null ? null : s.median(), s == null ? null : s.q3(), s == null ? null : s.percentile());
        }
    }

    /** {@code group}: null for the recommended peers; {@code size}: 0 when withheld; {@code withheld}: null when shown. */
    record PeersJson(PeerComparison.Kind kind, @Nullable GroupJson group, int size,
                     PeerComparison.@Nullable Withheld withheld, List<RoleJson> roles) {
        static PeersJson of(PeerComparison c) {
            return new PeersJson(c.kind(), GroupJson.of(c.group()), c.size(), c.withheld(),
                    c.roles().stream().map(RoleJson::of).toList());
        }
    }
}
