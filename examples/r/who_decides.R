# Who decides PCN development in Bassetlaw, and who answers for it?
# Asked of the bundled Nottingham and Nottinghamshire model through the R package:
#   Rscript examples/r/who_decides.R        (with the pbp R package installed)
library(pbp)

model <- pbp_load("nottinghamshire")  # a file path, or a bundled model's name
d <- pbp_decides(model, "fn.pcn-development", "place.bassetlaw")
cat("Who decides PCN development in Bassetlaw, and who answers for it?\n\n")
cat(sprintf("Decided by %s%s;\nheld in law by %s.\n\n", d$decision_maker,
            if (is.na(d$limit)) "" else paste(" up to", pbp_money_display(d$limit), "a commitment"),
            d$holder))
cat("Delegated:", paste(d$delegation_chain, collapse = " -> "), "\n")
cat("Answers for it (delegation never moves accountability):", paste(d$accountability_chain, collapse = " -> "), "\n")
a <- pbp_authority(model, "fn.pcn-development", "place.bassetlaw", "400000.00")
cat(sprintf("\nA commitment of %s needs the approval of %s.\n", pbp_money_display(a$amount), a$approver))
