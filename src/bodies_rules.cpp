// E401 and W402: committee governance (terms of reference, membership, chair, quorum).
#include "pbp/detail/rules.hpp"

#include <set>
#include <unordered_map>
#include <vector>

namespace pbp::detail {

void check_bodies(const Model& m, Diagnostics& out) {
    // Membership comes from a body's `members` and from member_of relations to it; a `chairs`
    // relation also names a chair.
    struct Seats {
        std::set<Index> all, voting;
        bool chair = false;
    };
    // Keyed by body, not a slot per entity: a national model has a million entities and a few
    // thousand bodies.
    std::unordered_map<Index, Seats> seats;
    // The bodies first, in one pass that reads only each entity's section: the details of the
    // other entities, which have no members, are on another cache line, not read at all.
    std::vector<Index> bodies;
    for (Index b = 0; b < m.entities.size(); ++b)
        if (m.entities[b].section == Section::body) bodies.push_back(b);
    for (Index b : bodies)
        for (const Member& mem : m.entities[b].details().members) {
            seats[b].all.insert(mem.member);
            if (mem.voting) seats[b].voting.insert(mem.member);
            if (mem.role == "chair") seats[b].chair = true;
        }
    for (const Relation& r : m.relations) {
        // The kind first: it is in the relation itself, the section a look at another entity.
        if ((r.kind != RelationKind::member_of && r.kind != RelationKind::chairs) || m.at(r.to).section != Section::body)
            continue;
        if (r.kind == RelationKind::member_of) {
            seats[r.to].all.insert(r.from);
            if (r.voting) seats[r.to].voting.insert(r.from);
            if (r.role == "chair") seats[r.to].chair = true;
        } else if (r.kind == RelationKind::chairs) {
            seats[r.to].chair = true;
        }
    }
    for (Index b : bodies) {
        const Entity& e = m.entities[b];
        const Seats& s = seats[b];  // an empty one for a body without members
        if (e.details().quorum && e.details().quorum->count > static_cast<std::int64_t>(s.voting.size()))
            out.push_back(m.diagnostic(
                "E401",
                "The quorum of '" + e.id + "' is " + std::to_string(e.details().quorum->count) + " but it has only " +
                    std::to_string(s.voting.size()) + " voting member" + (s.voting.size() == 1 ? "" : "s") +
                    ", so it could never be quorate. Lower the quorum or add voting members.",
                {e.id}, e.pointer + "/quorum/count"));
        if (!s.all.empty() && !s.chair)
            out.push_back(m.diagnostic("W402",
                                       "'" + e.id + "' has members but no chair: name one (a member with role \"chair\", "
                                       "or a chairs relation).",
                                       {e.id}, e.pointer + "/members"));
    }
}

}  // namespace pbp::detail
