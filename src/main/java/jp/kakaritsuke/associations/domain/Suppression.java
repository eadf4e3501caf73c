package jp.kakaritsuke.associations.domain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Primary and complementary suppression over the linked tables of one page (docs/design-decisions/0006).
 * <p>
 * Every figure is a {@link Node}; every "these add up to that" the reader can see is a constraint (the five levels of
 * a role add up to the members who submitted, the municipalities too, 「レベル3以上」 is levels 3 + 4, the header's
 * statuses add up to the members...). Figures that are never shown but follow by subtraction (members who did not
 * prioritise a role, members of a municipality below level 3) are implicit nodes: always hidden, yet sensitive when
 * they are 1 or 2.
 * <ol>
 * <li>Primary: a count of 1 or 2, or any count in a group of fewer than {@link Cell#MIN_FACILITIES}, is hidden. The
 * counts of 1 or 2 (shown or implicit) are the sensitive ones, which no sum may give away; a hidden 0 is not, as the
 * only way to pin it is a total of 0, which says "none" of every member at once.</li>
 * <li>Complementary: the reader may solve any constraint with a single unknown, then use what they solved in the next
 * one. While that chain reaches a sensitive node, the cheapest shown figure it used is hidden too (cheapest: the
 * smallest number, so that as little as possible is lost; the number who submitted last, as every table repeats it).
 * </li>
 * </ol>
 * With every hidden figure shown the same way (「x」, not 「<3」) no constraint then leaves a sensitive figure fewer than
 * two possible values; {@code SuppressionPropertyTest} checks that against an exhaustive solver over random members.
 */
public final class Suppression {

    /** A figure of the page. */
    public final class Node {
        private final int index;
        private final int value;
        private final boolean known;
        private final boolean implicit;
        private final boolean sensitive;
        private long cost;
        private boolean hidden;
        private final List<Integer> constraints = new ArrayList<>();

        private Node(int value, boolean known, boolean implicit, boolean primary, boolean sensitive) {
            this.index = nodes.size();
            this.value = value;
            this.known = known;
            this.implicit = implicit;
            this.hidden = primary || implicit;
            this.sensitive = sensitive;
            // a hidden 0 rarely leaves room for anything (it is the least a count can be) and a shown 0 marks a gap:
            // zeros are hidden only when nothing else will do
            this.cost = value == 0 ? ZERO : value;
            nodes.add(this);
        }

        public int value() {
            return value;
        }

        public boolean hidden() {
            return hidden;
        }

        /** The figure as shown; only after {@link #protect()}. */
        public Cell cell() {
            if (implicit) {
                throw new IllegalStateException("an implicit figure is never shown");
            }
            if (!protectedYet) {
                throw new IllegalStateException("protect() first");
            }
            return hidden ? Cell.hidden() : Cell.shown(value);
        }
    }

    private final List<Node> nodes = new ArrayList<>();
    private final List<Node[]> constraints = new ArrayList<>();
    private boolean protectedYet;

    /** A figure the reader knows anyway (the association's own member counts): never hidden. */
    public Node known(int value) {
        return new Node(value, true, false, false, false);
    }

    /** A shown count of {@code groupSize} facilities: hidden when it is 1 or 2 or the group is smaller than 3. */
    public Node cell(int value, int groupSize) {
        boolean primary = groupSize < Cell.MIN_FACILITIES || (value > 0 && value < Cell.MIN_FACILITIES);
        // a hidden 0 is not protected in turn: a total of 0 says "none" of everyone at once, nobody in particular
        return new Node(value, false, false, primary, value > 0 && value < Cell.MIN_FACILITIES);
    }

    /** A figure never shown that the reader can work out by subtraction; sensitive when 1 or 2. */
    public Node implicit(int value) {
        return new Node(value, false, true, true, value > 0 && value < Cell.MIN_FACILITIES);
    }

    /** Hide this figure only after every other candidate: it is repeated in many tables. */
    public Node anchor(Node node) {
        node.cost += ANCHOR;
        return node;
    }

    /** {@code total} = the sum of {@code parts}, as the reader sees it. */
    public void sum(Node total, List<Node> parts) {
        Node[] c = new Node[parts.size() + 1];
        c[0] = total;
        for (int i = 0; i < parts.size(); i++) {
            c[i + 1] = parts.get(i);
        }
        int index = constraints.size();
        constraints.add(c);
        for (Node n : c) {
            n.constraints.add(index);
        }
    }

    /** Hides the complements; afterwards {@link Node#cell()} gives the shown figures. */
    public void protect() {
        boolean[] unprotectable = new boolean[nodes.size()];
        while (true) {
            boolean[] pinned = solve();
            // every figure the reader can pin gets a complement in this pass, unless one just hidden is already
            // close by (it may have freed it); the figures never shown first, as they sit above the cells they sum
            List<Node> leaked = new ArrayList<>();
            for (Node n : nodes) {
                if (n.sensitive && n.hidden && pinned[n.index] && !unprotectable[n.index]) {
                    leaked.add(n);
                }
            }
            leaked.sort(java.util.Comparator.comparing((Node n) -> !n.implicit));
            List<Node> complements = new ArrayList<>();
            boolean[] fresh = new boolean[nodes.size()];
            for (Node n : leaked) {
                // the short sums around it first (its own row): a long one (a column over every municipality) offers
                // the cheapest figure of some other municipality, which does not free this one
                Node complement = cheapestIn(n, fresh, pinned, false);
                if (complement == null) {
                    complement = cheapestIn(n, fresh, pinned, true);
                }
                if (complement == n) {
                    continue;
                }
                if (complement == null) {
                    unprotectable[n.index] = true; // only public figures pin it: nothing left to hide
                } else {
                    complements.add(complement);
                    fresh[complement.index] = true;
                }
            }
            if (complements.isEmpty()) {
                break;
            }
            complements.forEach(c -> c.hidden = true);
        }
        protectedYet = true;
    }

    private static final long ZERO = 1L << 32;
    private static final long ANCHOR = 1L << 40;

    /** Large enough for any count, small enough that sums of many never overflow. */
    private static final long UNBOUNDED = 1L << 40;

    /** Bounds are tightened at most this many times the number of sums (a bound on the work, never reached in practice). */
    private static final int MAX_PASSES = 200;

    /**
     * What the reader can work out: which hidden figures have a single possible value. The reader knows every shown
     * figure, that no count is negative and every sum; they tighten each figure's bounds through every sum until
     * nothing changes (a sum with one unknown, parts that must add up to 0, parts that must each be at their most...).
     */
    private boolean[] solve() {
        int n = nodes.size();
        long[] lo = new long[n];
        long[] hi = new long[n];
        for (Node node : nodes) {
            lo[node.index] = node.hidden ? 0 : node.value;
            hi[node.index] = node.hidden ? UNBOUNDED : node.value;
        }
        // a worklist of sums: each once, then again only when a bound of one of its figures moved (a national page
        // has tens of thousands of sums, and a change reaches few of them); the same fixed point as full passes.
        // Short sums first: a long one (a column over every municipality of the nation) is looked at again only once
        // the short ones have settled, not after each move of one of its parts — the same fixed point, far less work
        int m = constraints.size();
        Worklist work = new Worklist(m);
        for (int i = 0; i < m; i++) {
            work.add(i);
        }
        long budget = (long) MAX_PASSES * m;
        while (!work.isEmpty() && budget-- > 0) {
            int ci = work.poll();
            Node[] c = constraints.get(ci);
            long partsLo = 0;
            long boundedHi = 0;
            int unbounded = 0;
            for (int k = 1; k < c.length; k++) {
                partsLo += lo[c[k].index];
                if (hi[c[k].index] >= UNBOUNDED) {
                    unbounded++;
                } else {
                    boundedHi += hi[c[k].index];
                }
            }
            long partsHi = unbounded > 0 ? UNBOUNDED : boundedHi;
            int t = c[0].index;
            boolean totalMoved = false;
            if (partsLo > lo[t]) {
                lo[t] = partsLo;
                totalMoved = true;
            }
            if (partsHi < hi[t]) {
                hi[t] = partsHi;
                totalMoved = true;
            }
            if (totalMoved) {
                work.addAll(c[0]);
            }
            for (int k = 1; k < c.length; k++) {
                int x = c[k].index;
                boolean xUnbounded = hi[x] >= UNBOUNDED;
                long othersHi = unbounded - (xUnbounded ? 1 : 0) > 0 ? UNBOUNDED : boundedHi - (xUnbounded ? 0 : hi[x]);
                long newLo = othersHi >= UNBOUNDED ? 0 : lo[t] - othersHi;
                long newHi = hi[t] >= UNBOUNDED ? UNBOUNDED : hi[t] - (partsLo - lo[x]);
                boolean moved = false;
                if (newLo > lo[x]) {
                    lo[x] = newLo;
                    moved = true;
                }
                if (newHi < hi[x]) {
                    hi[x] = newHi;
                    moved = true;
                }
                if (moved) {
                    work.addAll(c[k]);
                }
            }
        }
        boolean[] pinned = new boolean[n];
        for (Node node : nodes) {
            pinned[node.index] = node.hidden && lo[node.index] == hi[node.index];
        }
        return pinned;
    }

    /** Sums no longer than this are worked before any longer one. */
    private static final int SHORT_SUM = 32;

    /** The sums still to look at, each at most once, the short ones first. */
    private final class Worklist {
        private final int[] shortSums;
        private final int[] longSums;
        private final boolean[] queued;
        private int shortHead;
        private int shortSize;
        private int longHead;
        private int longSize;

        Worklist(int m) {
            shortSums = new int[m];
            longSums = new int[m];
            queued = new boolean[m];
        }

        boolean isEmpty() {
            return shortSize == 0 && longSize == 0;
        }

        void add(int c) {
            if (queued[c]) {
                return;
            }
            queued[c] = true;
            if (constraints.get(c).length <= SHORT_SUM + 1) {
                shortSums[(shortHead + shortSize++) % shortSums.length] = c;
            } else {
                longSums[(longHead + longSize++) % longSums.length] = c;
            }
        }

        /** Puts the sums of a figure whose bounds moved back in the list. */
        void addAll(Node moved) {
            for (int c : moved.constraints) {
                add(c);
            }
        }

        int poll() {
            int c;
            if (shortSize > 0) {
                c = shortSums[shortHead];
                shortHead = (shortHead + 1) % shortSums.length;
                shortSize--;
            } else {
                c = longSums[longHead];
                longHead = (longHead + 1) % longSums.length;
                longSize--;
            }
            queued[c] = false;
            return c;
        }
    }

    /**
     * The cheapest shown, hideable figure in the sums around the pinned node: first those it is part of, then further
     * out through the hidden figures the reader has pinned too (their way in may run through a sum that bounded another
     * part). The node itself
     * when a figure hidden in this pass is within two sums of it: decide again after the next solve. Without
     * {@code longSums}, sums of more than {@link #SHORT_SUM} parts are not walked (null when nothing is found so).
     */
    private Node cheapestIn(Node leaked, boolean[] fresh, boolean[] pinned, boolean longSums) {
        boolean[] seen = new boolean[nodes.size()];
        boolean[] seenConstraint = new boolean[constraints.size()];
        List<Node> layer = List.of(leaked);
        seen[leaked.index] = true;
        Node found = null;
        Node fallback = null;
        for (int depth = 1; !layer.isEmpty(); depth++) {
            Node best = null; // the cheapest at this depth; among counts above 0 (zeros and the anchor cost more)
            List<Node> next = new ArrayList<>();
            for (Node n : layer) {
                for (int c : n.constraints) {
                    if (seenConstraint[c] || !longSums && constraints.get(c).length > SHORT_SUM + 1) {
                        continue;
                    }
                    seenConstraint[c] = true;
                    for (Node other : constraints.get(c)) {
                        if (seen[other.index]) {
                            continue;
                        }
                        seen[other.index] = true;
                        // a complement reached only through a long sum (a column over every municipality) is
                        // too far off to free this figure: waiting for it would protect one municipality per pass
                        if (fresh[other.index] && depth <= 2 && constraints.get(c).length <= SHORT_SUM + 1) {
                            return leaked;
                        }
                        if (other.hidden) {
                            if (pinned[other.index]) { // only what the reader has worked out carries them further
                                next.add(other);
                            }
                        } else if (!other.known && other.cost >= ZERO) {
                            fallback = fallback == null || other.cost < fallback.cost ? other : fallback;
                        } else if (!other.known && (best == null || other.cost < best.cost)) {
                            best = other;
                        }
                    }
                }
            }
            if (best != null && best.cost >= ZERO) {
                // a zero or the figure every table repeats: only if no other count will do
                fallback = fallback == null || best.cost < fallback.cost ? best : fallback;
            } else if (found == null && best != null) {
                found = best;
            }
            if (found != null && depth >= 2) {
                return found;
            }
            if (fallback != null && depth >= 4) {
                break; // far enough: the walk stays local on a national page
            }
            layer = next;
        }
        return found != null ? found : fallback;
    }
}
