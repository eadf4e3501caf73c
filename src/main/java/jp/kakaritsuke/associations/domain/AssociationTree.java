package jp.kakaritsuke.associations.domain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The whole hierarchy in memory (about 1,000 associations nationwide): subtrees without recursive SQL. */
public final class AssociationTree {

    private final Map<Long, Association> byId = new HashMap<>();
    private final Map<Long, List<Long>> children = new HashMap<>();

    public AssociationTree(Collection<Association> associations) {
        for (Association a : associations) {
            byId.put(a.id(), a);
            if (a.parentId() != null) {
                children.computeIfAbsent(a.parentId(), k -> new ArrayList<>()).add(a.id());
            }
        }
    }

    public Optional<Association> get(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The association and every association below it. */
    public Set<Long> subtree(long id) {
        Set<Long> result = new LinkedHashSet<>();
        Deque<Long> todo = new ArrayDeque<>(List.of(id));
        while (!todo.isEmpty()) {
            long next = todo.pop();
            if (byId.containsKey(next) && result.add(next)) {
                todo.addAll(children.getOrDefault(next, List.of()));
            }
        }
        return result;
    }

    public Collection<Association> all() {
        return byId.values();
    }
}
