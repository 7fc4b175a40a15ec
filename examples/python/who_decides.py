"""Who decides PCN development in Bassetlaw, and who answers for it?

Asked of the bundled Nottingham and Nottinghamshire model through the Python binding:

    PBP_LIBRARY=build/capi/libpbp_c.so pip install --no-build-isolation ./bindings/python
    python examples/python/who_decides.py
"""
import pbp

with pbp.Model.load("nottinghamshire") as model:  # a file path, or a bundled model's name
    d = model.decides("fn.pcn-development", "place.bassetlaw")
    print("Who decides PCN development in Bassetlaw, and who answers for it?\n")
    limit = " up to %s a commitment" % pbp.Money(d["limit"]).display() if d["limit"] else ""
    print("Decided by %s%s;" % (d["decision_maker"], limit))
    print("held in law by %s.\n" % d["holder"])
    print("Delegated: " + " -> ".join(d["delegation_chain"]))
    print("Answers for it (delegation never moves accountability): " + " -> ".join(d["accountability_chain"]))
    # Who may sign off a £400,000 commitment?
    a = model.authority("fn.pcn-development", "place.bassetlaw", "400000.00")
    print("\nA commitment of %s needs the approval of %s." % (pbp.Money(a["amount"]).display(), a["approver"]))
