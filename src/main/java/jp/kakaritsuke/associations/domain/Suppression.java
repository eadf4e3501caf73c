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
                Node complement = cheapestIn(n, fresh, pinned);
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
        // has tens of thousands of sums, and a change reaches few of them); the same fixed point as full passes
        int m = constraints.size();
        int[] queue = new int[m];
        boolean[] queued = new boolean[m];
        int head = 0;
        int size = m;
        for (int i = 0; i < m; i++) {
            queue[i] = i;
            queued[i] = true;
        }
        long budget = (long) MAX_PASSES * m;
        while (size > 0 && budget-- > 0) {
            int ci = queue[head];
            head = (head + 1) % m;
            size--;
            queued[ci] = false;
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
                size = enqueue(c[0], queue, queued, head, size);
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
                    size = enqueue(c[k], queue, queued, head, size);
                }
            }
        }
        boolean[] pinned = new boolean[n];
        for (Node node : nodes) {
            pinned[node.index] = node.hidden && lo[node.index] == hi[node.index];
        }
        return pinned;
    }

    /** Puts the sums of a figure whose bounds moved back in the queue (each at most once); returns the new size. */
    private int enqueue(Node moved, int[] queue, boolean[] queued, int head, int size) {
        for (int c : moved.constraints) {
            if (!queued[c]) {
                queued[c] = true;
                queue[(head + size) % queue.length] = c;
                size++;
            }
        }
        return size;
    }

    /**
     * The cheapest shown, hideable figure in the sums around the pinned node: first those it is part of, then further
     * out through the hidden figures the reader has pinned too (their way in may run through a sum that bounded another
     * part). The node itself
     * when a figure hidden in this pass is within two sums of it: decide again after the next solve.
     */
    private Node cheapestIn(Node leaked, boolean[] fresh, boolean[] pinned) {
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
                    if (seenConstraint[c]) {
                        continue;
                    }
                    seenConstraint[c] = true;
                    for (Node other : constraints.get(c)) {
                        if (seen[other.index]) {
                            continue;
                        }
                        seen[other.index] = true;
                        if (fresh[other.index] && depth <= 2) {
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
