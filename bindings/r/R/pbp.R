# pbp for R: the queries of the pbp C library (libpbp_c) through .Call (src/pbp_r.c).
#
# Every .Call returns an "outcome" list; errors are signalled here, in R, after the C side has
# freed everything (never by longjmp out of C). Money is character ("1234.50"), never double.

# -- plumbing --------------------------------------------------------------------------------

.status_names <- c("0" = "PBP_OK", "-1" = "PBP_ERR_INVALID_ARGUMENT", "-2" = "PBP_ERR_PARSE",
                   "-3" = "PBP_ERR_MODEL_HAS_ERRORS", "-4" = "PBP_ERR_NOT_FOUND", "-5" = "PBP_ERR_IO",
                   "-6" = "PBP_ERR_OVERFLOW", "-7" = "PBP_ERR_NO_MEMORY", "-8" = "PBP_ERR_INTERNAL")

# Package-level state (the namespace itself is locked once loaded).
.state <- new.env(parent = emptyenv())

# The functions a user calls: the exports and the registered S3 methods, by name.
.entries <- function() {
  if (is.null(.state$entries)) {
    ns <- environment(.entries)
    exports <- mget(getNamespaceExports(ns), envir = ns, inherits = FALSE)
    # S3 methods of base generics are registered with the generic, not here: read NAMESPACE's.
    s3 <- getNamespaceInfo(ns, "S3methods")
    method_names <- ifelse(is.na(s3[, 3]), paste(s3[, 1], s3[, 2], sep = "."), s3[, 3])
    methods <- mget(method_names, envir = ns, inherits = FALSE, ifnotfound = list(NULL))
    .state$generics <- structure(s3[, 1], names = method_names)
    .state$entries <- Filter(is.function, c(exports, methods))
  }
  .state$entries
}

# The call the user made: the outermost frame running one of the package's entries (so an error
# in a helper, or raised while jsonlite reads an answer, names pbp_decides(m, "fn", "nope"),
# not the helper); a method called by dispatch under its generic's name (cumsum(x), not
# Math.pbp_money(x)); NULL when no entry is on the stack.
.user_call <- function() {
  entries <- .entries()
  ns <- environment(.user_call)
  for (i in seq_len(sys.nframe())) {
    f <- sys.function(i)
    if (!identical(environment(f), ns)) next
    hit <- Position(function(g) identical(g, f), entries)
    if (is.na(hit)) next
    call <- sys.call(i)
    name <- names(entries)[hit]
    if (name %in% names(.state$generics) && identical(call[[1L]], as.name(name))) {
      generic <- get0(".Generic", envir = sys.frame(i), inherits = FALSE)  # Ops: "*", Math: "cumsum"
      call[[1L]] <- as.name(if (is.character(generic) && length(generic) == 1L) generic else .state$generics[[name]])
    }
    return(call)
  }
  NULL
}

.pbp_error <- function(code, message, diagnostic = "", diagnostics = .diagnostics_df(list()), call = .user_call()) {
  status <- unname(.status_names[as.character(code)])
  if (is.na(status)) status <- paste("unknown status", code)
  structure(class = c("pbp_error", "error", "condition"),
            list(message = message, call = call, code = as.integer(code), status = status,
                 diagnostic = if (nzchar(diagnostic)) diagnostic else NA_character_,
                 diagnostics = diagnostics))
}

# The value of an outcome, or the pbp_error it describes (its call the user's, .user_call()).
# The library's message is worded for C: a refused model says "pass PBP_FORCE", which in R is
# force = TRUE; `rename` maps a C parameter name at the start of the message to the R argument's.
.value <- function(outcome, rename = character()) {
  if (outcome$status == 0L) return(outcome$value)
  diagnostics <- .diagnostics_df(jsonlite::fromJSON(outcome$diagnostics, simplifyVector = FALSE))
  message <- gsub("pass PBP_FORCE", "pass force = TRUE", outcome$message, fixed = TRUE)
  for (c_name in names(rename))
    if (startsWith(message, paste0(c_name, " "))) message <- paste0(rename[[c_name]], substring(message, nchar(c_name) + 1L))
  stop(.pbp_error(outcome$status, message, outcome$diagnostic, diagnostics))
}

.json <- function(text) jsonlite::fromJSON(text, simplifyVector = FALSE)

# NULL (JSON null) as NA of the right type; lists of strings as character vectors.
.chr <- function(x) if (is.null(x)) NA_character_ else as.character(x)
.chrs <- function(x) vapply(x, .chr, character(1))
.int <- function(x) if (is.null(x)) NA_integer_ else as.integer(x)
.num <- function(x) if (is.null(x)) NA_real_ else as.numeric(x)

# A data frame from a list of JSON objects, with the given character columns (in order).
.df <- function(rows, columns) {
  cols <- lapply(columns, function(k) vapply(rows, function(r) .chr(r[[k]]), character(1)))
  names(cols) <- columns
  as.data.frame(cols, stringsAsFactors = FALSE)
}

.diagnostics_df <- function(items) {
  df <- .df(items, c("code", "severity", "message", "path"))
  df$ids <- I(lapply(items, function(d) .chrs(d$ids)))
  df$line <- vapply(items, function(d) .int(d$line), integer(1))
  df$column <- vapply(items, function(d) .int(d$column), integer(1))
  df[, c("code", "severity", "message", "ids", "path", "line", "column")]
}

.string <- function(x, what, null_ok = FALSE) {
  if (is.null(x) && null_ok) return(NULL)
  if (!is.character(x) || length(x) != 1L || is.na(x))
    stop(.pbp_error(-1L, sprintf("%s must be a single string", what)))
  enc2utf8(x)
}

.path <- function(x, what) path.expand(.string(x, what))

# A day: NULL (none), a Date or "YYYY-MM-DD", exactly one and not NA, and a real day, checked
# here as the library checks it (capi date_arg, same words), also for the queries answered in R
# (pbp_places, pbp_functions).
.date <- function(x, what = "as_of") {
  if (is.null(x)) return(NULL)
  if (inherits(x, "Date")) {
    if (length(x) != 1L || !is.finite(unclass(x)))
      stop(.pbp_error(-1L, sprintf("%s must be one day (a Date or \"YYYY-MM-DD\"), not %s", what,
                                   if (length(x) != 1L) sprintf("%d of them", length(x))
                                   else if (is.na(x)) "NA" else "an infinite Date")))
    d <- as.POSIXlt(x)  # written out by hand: format() drops a year's leading zeros
    x <- sprintf("%04d-%02d-%02d", d$year + 1900L, d$mon + 1L, d$mday)
  } else if (!is.character(x) || length(x) != 1L || is.na(x)) {
    stop(.pbp_error(-1L, sprintf("%s must be one day (a Date or \"YYYY-MM-DD\")", what)))
  }
  if (!grepl("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", x) || is.na(as.Date(x, "%Y-%m-%d", optional = TRUE)))
    stop(.pbp_error(-1L, sprintf("%s must be a date written YYYY-MM-DD, not '%s'", what, x)))
  enc2utf8(x)
}

# Money arguments: character ("1234.50") or integer (whole pounds); never double.
.money_arg <- function(x, what, null_ok = FALSE) {
  if (is.null(x) && null_ok) return(NULL)
  if (is.integer(x) && length(x) == 1L && !is.na(x)) return(paste0(x, ".00"))
  if (is.double(x))
    stop(.pbp_error(-1L, sprintf("%s must be character such as \"1234.50\", never a double (binary fractions cannot hold pence exactly)", what)))
  .string(x, what)
}

# TRUE or FALSE, nothing else ("yes" and NA were taken for FALSE).
.flag <- function(x, what) {
  if (!is.logical(x) || length(x) != 1L || is.na(x))
    stop(.pbp_error(-1L, sprintf("%s must be TRUE or FALSE", what)))
  x
}

# A financial year: "2023/24", or the year it starts in as a whole number (2023) written as the
# library reads it, YYYY/YY.
.year <- function(x) {
  if (is.numeric(x)) {
    if (length(x) != 1L || is.na(x) || x != trunc(x) || x < 0 || x > 9999)
      stop(.pbp_error(-1L, sprintf("year must be one financial year, such as 2023 or \"2023/24\", not %s",
                                   if (length(x) != 1L) sprintf("%d numbers", length(x)) else format(x, digits = 17))))
    return(sprintf("%04d/%02d", as.integer(x), (as.integer(x) + 1L) %% 100L))
  }
  if (!is.character(x) || length(x) != 1L || is.na(x))
    stop(.pbp_error(-1L, "year must be one financial year, such as 2023 or \"2023/24\""))
  enc2utf8(x)
}

# An area kind ("place"), comma-separated ids, or a character vector of ids.
.areas <- function(x, what) {
  if (!is.character(x) || length(x) < 1L || anyNA(x))
    stop(.pbp_error(-1L, sprintf("%s must be an area kind or area ids (character)", what)))
  enc2utf8(paste(x, collapse = ","))
}

.model <- function(model) {
  if (!inherits(model, "pbp_model")) stop(.pbp_error(-1L, "model must be a pbp_model (from pbp_load())"))
  model
}

.new_model <- function(ptr) structure(ptr, class = "pbp_model")

# -- version and bundled models -----------------------------------------------------------------

pbp_version <- function() .Call(C_pbp_r_version)$version

pbp_bundled_models <- function() as.character(unlist(.json(.value(.Call(C_pbp_r_bundled_models)))))

# Refuse a library whose C API this package does not speak (checked when the package loads).
.onLoad <- function(libname, pkgname) {
  v <- .Call(C_pbp_r_version)
  header_major <- v$header_number %/% 10000L
  lib_major <- v$number %/% 10000L
  same_minor <- (v$number %/% 100L) %% 100L == (v$header_number %/% 100L) %% 100L
  if (lib_major != header_major || (lib_major == 0L && !same_minor) || v$number < v$header_number)
    stop(sprintf("pbp: built against pbp.h %d but loaded libpbp_c %s: reinstall the package against the library",
                 v$header_number, v$version))
}

# -- models -------------------------------------------------------------------------------------

pbp_load <- function(path) .new_model(.value(.Call(C_pbp_r_model_open, .path(path, "path"))))

pbp_parse <- function(text) {
  if (is.character(text) && length(text) > 1L) text <- paste(text, collapse = "\n")
  .new_model(.value(.Call(C_pbp_r_model_load_text, .string(text, "text"))))
}

pbp_bundled <- function(name = "nottinghamshire") .new_model(.value(.Call(C_pbp_r_model_load_bundled, .string(name, "name"))))

pbp_close <- function(model) {
  .Call(C_pbp_r_model_close, .model(model))
  invisible(NULL)
}

pbp_is_open <- function(model) .Call(C_pbp_r_model_is_open, .model(model))

pbp_model_info <- function(model) {
  counts <- .value(.Call(C_pbp_r_model_counts, .model(model)))
  list(name = .value(.Call(C_pbp_r_model_name, model)), errors = counts[1], warnings = counts[2])
}

print.pbp_model <- function(x, ...) {
  if (!pbp_is_open(x)) {
    cat("<pbp_model (closed)>\n")
  } else {
    i <- pbp_model_info(x)
    cat(sprintf("<pbp_model \"%s\": %d errors, %d warnings>\n", i$name, i$errors, i$warnings))
  }
  invisible(x)
}

pbp_validate <- function(model) {
  r <- .json(.value(.Call(C_pbp_r_model_validate, .model(model))))
  .diagnostics_df(r$diagnostics)
}

pbp_save <- function(model, path) {
  .value(.Call(C_pbp_r_model_save, .model(model), .path(path, "path")))
  invisible(path)
}

pbp_export <- function(model, format = c("json", "dot", "graphml"), as_of = NULL) {
  format <- match.arg(format)
  .value(.Call(C_pbp_r_model_export, .model(model), format, .date(as_of)))
}

pbp_report <- function(model, as_of = NULL) .value(.Call(C_pbp_r_model_report, .model(model), .date(as_of)))
pbp_report_html <- function(model, as_of = NULL) .value(.Call(C_pbp_r_model_report_html, .model(model), .date(as_of)))

# -- queries --------------------------------------------------------------------------------------

pbp_accountability <- function(model, node, as_of = NULL, force = FALSE) {
  r <- .json(.value(.Call(C_pbp_r_accountability, .model(model), .string(node, "node"), .date(as_of), .flag(force, "force"))))
  list(node = r$node, chain = .chrs(r$chain), reachable = .chrs(r$reachable), apexes = .chrs(r$apexes))
}

# A batch query's ids as a JSON array, or NULL for the library's default list.
.ids_json <- function(ids, what) {
  if (is.null(ids)) return(NULL)
  if (!is.character(ids) || anyNA(ids))
    stop(.pbp_error(-1L, sprintf("%s must be a character vector of ids, without NA", what)))
  as.character(jsonlite::toJSON(enc2utf8(ids)))
}

.decision <- function(r) {
  list("function" = r[["function"]], place = r$place, holder = r$holder, decision_maker = r$decision_maker,
       delegation_chain = .chrs(r$delegation_chain), accountability_chain = .chrs(r$accountability_chain),
       limit = .new_money(.chr(r$limit)))
}

pbp_decides <- function(model, fn, place, as_of = NULL, force = FALSE) {
  r <- .json(.value(.Call(C_pbp_r_decides, .model(model), .string(fn, "fn"), .string(place, "place"),
                          .date(as_of), .flag(force, "force"))))
  .decision(r)
}

pbp_authority <- function(model, fn, place, amount, as_of = NULL, force = FALSE) {
  r <- .json(.value(.Call(C_pbp_r_authority, .model(model), .string(fn, "fn"), .string(place, "place"),
                          .money_arg(amount, "amount"), .date(as_of), .flag(force, "force"))))
  list("function" = r[["function"]], place = r$place, amount = .new_money(.chr(r$amount)), approver = r$approver,
       effective_limit = .new_money(.chr(r$effective_limit)), chain = .chrs(r$chain))
}

# Many-row answers are data frames (R/tables.R: .rows_df), columns named as the JSON keys,
# money as pbp_money; the answer's single values are attributes of the data frame.

pbp_balances <- function(model, year, force = FALSE) {
  r <- .json(.value(.Call(C_pbp_r_balances, .model(model), .year(year), .flag(force, "force"))))
  .with_attrs(.rows_df(r$nodes, c("id", "inflow", "outflow", "net"), money = c("inflow", "outflow", "net")),
              year = r$year)
}

pbp_trace <- function(model, node, year, force = FALSE) {
  r <- .json(.value(.Call(C_pbp_r_trace, .model(model), .string(node, "node"), .year(year), .flag(force, "force"))))
  .with_attrs(.rows_df(r$sources, c("source", "amount"), money = "amount"),
              node = r$node, year = r$year, total = .new_money(r$total))
}

pbp_coterminosity <- function(model, a, b, within = NULL, as_of = NULL, force = FALSE) {
  r <- .json(.value(.Call(C_pbp_r_coterminosity, .model(model), .areas(a, "a"), .areas(b, "b"),
                          .string(within, "within", null_ok = TRUE), .date(as_of), .flag(force, "force"))))
  .with_attrs(.rows_df(r$areas, c("area", "best", "coverage", "relation")), score = r$score)
}

pbp_partners <- function(model, node, as_of = NULL, force = FALSE) {
  r <- .json(.value(.Call(C_pbp_r_partners, .model(model), .string(node, "node"), .date(as_of), .flag(force, "force"))))
  # People are whole numbers well inside a double's exact range (England has 5.7e7); no money here.
  councils <- .rows_df(r$councils, c("council", "areas", "population", "overlap", "share", "whole"),
                       lists = "areas", numbers = c("population", "overlap"), logicals = "whole")
  .with_attrs(councils, node = r$node, areas = .chrs(r$areas), population = as.numeric(r$population),
              uncovered = as.numeric(r$uncovered))
}

# A list as the JSON (whole, parts, partitions, gap), its many-row parts (overlaps, outside) data
# frames; populations are whole numbers of people, as in pbp_partners.
pbp_partitions <- function(model, parts, whole, within = NULL, as_of = NULL, force = FALSE) {
  r <- .json(.value(.Call(C_pbp_r_partitions, .model(model), .areas(parts, "parts"), .string(whole, "whole"),
                          .string(within, "within", null_ok = TRUE), .date(as_of), .flag(force, "force"))))
  list(whole = .chr(r$whole), parts = unname(.chrs(r$parts)), partitions = isTRUE(r$partitions),
       gap = list(leaves = unname(.chrs(r$gap$leaves)), population = .num(r$gap$population)),
       overlaps = .rows_df(r$overlaps, c("areas", "leaves", "population"), lists = c("areas", "leaves"),
                           numbers = "population"),
       outside = .rows_df(r$outside, c("area", "leaves", "population"), lists = "leaves", numbers = "population"))
}

# A data frame, one row per unit (within NA when the unit is cut), pieces a list column of data
# frames (area, population); respects an attribute.
pbp_boundaries <- function(model, units, areas, within = NULL, as_of = NULL, force = FALSE) {
  r <- .json(.value(.Call(C_pbp_r_boundaries, .model(model), .areas(units, "units"), .areas(areas, "areas"),
                          .string(within, "within", null_ok = TRUE), .date(as_of), .flag(force, "force"))))
  df <- .rows_df(r$units, c("unit", "within", "outside"), numbers = "outside")
  df$pieces <- I(lapply(r$units, function(u) .rows_df(u$pieces, c("area", "population"), numbers = "population")))
  .with_attrs(df[c("unit", "within", "pieces", "outside")], respects = isTRUE(r$respects))
}

pbp_fair_shares <- function(model, total, kind, within = NULL, floor = NULL, as_of = NULL, force = FALSE) {
  r <- .json(.value(.Call(C_pbp_r_fair_shares, .model(model), .money_arg(total, "total"), .areas(kind, "kind"),
                          .string(within, "within", null_ok = TRUE), .money_arg(floor, "floor", null_ok = TRUE),
                          .date(as_of), .flag(force, "force"))))
  .with_attrs(.rows_df(r$shares, c("area", "amount"), money = "amount"), total = .new_money(r$total))
}

pbp_designation <- function(model, as_of = NULL, force = FALSE) {
  r <- .json(.value(.Call(C_pbp_r_designation, .model(model), .date(as_of), .flag(force, "force"))))
  .with_attrs(.rows_df(r$designations, c("function", "service_area", "place", "level", "decision_maker")),
              as_of = .chr(r$as_of))
}

pbp_diff <- function(model, from, to, force = FALSE) {
  r <- .json(.value(.Call(C_pbp_r_diff, .model(model), .date(from, "from"), .date(to, "to"), .flag(force, "force"))))
  changes <- function(x, f) unlist(lapply(c("appeared", "disappeared"), function(ch) lapply(x[[ch]], f, ch)),
                                   recursive = FALSE)
  entities <- .rows_df(changes(r$entities, function(id, ch) list(change = ch, id = id)), c("change", "id"))
  relations <- .rows_df(changes(r$relations, function(x, ch) c(list(change = ch), x)),
                        c("change", "pointer", "id", "kind", "from", "to"))
  # One row per function and place whose decision changed; when the question cannot be asked on
  # that day, *_asked is FALSE, *_decision_maker and *_limit NA, and the chains character(0).
  side <- function(d, s) {
    out <- list(!is.null(d), .chr(d$decision_maker), .chrs(d$delegation_chain), .chrs(d$accountability_chain),
                .chr(d$limit))
    names(out) <- paste0(s, c("_asked", "_decision_maker", "_delegation_chain", "_accountability_chain", "_limit"))
    out
  }
  flat <- lapply(r$decisions, function(c) c(list("function" = c[["function"]], place = c$place),
                                            side(c$before, "before"), side(c$after, "after")))
  sides <- as.vector(outer(c("_asked", "_decision_maker", "_delegation_chain", "_accountability_chain", "_limit"),
                           c("before", "after"), function(k, s) paste0(s, k)))
  decisions <- .rows_df(flat, c("function", "place", sides),
                        lists = c("before_delegation_chain", "before_accountability_chain", "after_delegation_chain",
                                  "after_accountability_chain"),
                        money = c("before_limit", "after_limit"), logicals = c("before_asked", "after_asked"))
  list(from = r$from, to = r$to, entities = entities, relations = relations, decisions = decisions)
}

pbp_maturity <- function(model, subject = NULL, as_of = NULL, from = NULL, to = NULL, force = FALSE) {
  r <- .json(.value(.Call(C_pbp_r_maturity, .model(model), .string(subject, "subject", null_ok = TRUE),
                          .date(as_of), .date(from, "from"), .date(to, "to"), .flag(force, "force"))))
  lapply(r$subjects, function(s) {
    themes <- .df(s$themes, c("theme", "stage", "date", "evidence"))
    if (!is.null(from)) {
      themes$from_stage <- vapply(s$themes, function(t) .chr(t$from_stage), character(1))
      themes$change <- vapply(s$themes, function(t) .int(t$change), integer(1))
    }
    list(subject = s$subject, themes = themes)
  })
}

# -- money ------------------------------------------------------------------------------------------

.each_money <- function(x, f, what = "x") {
  if (is.double(x)) stop(.pbp_error(-1L, sprintf("%s must be character such as \"1234.50\", never a double (binary fractions cannot hold pence exactly)", what)))
  if (is.integer(x)) x <- ifelse(is.na(x), NA_character_, paste0(x, ".00"))
  if (!is.character(x)) stop(.pbp_error(-1L, sprintf("%s must be money: character such as \"1234.50\"", what)))
  vapply(enc2utf8(x), function(v) if (is.na(v)) NA_character_ else f(v), character(1), USE.NAMES = FALSE)
}

# Pence from money text; the library's words name its parameter ("text must be an amount ..."):
# they name the R argument instead.
.pence <- function(v, what) .value(.Call(C_pbp_r_money_parse, v), rename = c(text = what))

# pbp_money() itself, the exact money vector class, is in R/money.R.

pbp_money_display <- function(x) .each_money(if (inherits(x, "pbp_money")) as.character(x) else x, function(v) .value(.Call(C_pbp_r_money_format, .pence(v, "x"), 1L)))

pbp_money_round <- function(x, places = 2L, mode = "half_even") {
  # One whole number 0, 1 or 2 (2.7 was taken as 2, c(0, 1) as 0, and NA reached C as INT_MIN).
  if (!is.numeric(places) || length(places) != 1L || is.na(places) || !(places %in% 0:2))
    stop(.pbp_error(-1L, sprintf("places must be 0, 1 or 2 (one whole number), not %s",
                                 if (!is.numeric(places) || length(places) != 1L) paste(deparse(places), collapse = " ")
                                 else format(places, digits = 17))))
  places <- as.integer(places)
  mode <- .string(mode, "mode")
  if (inherits(x, "pbp_money")) x <- as.character(x)
  .new_money(.each_money(x, function(v) {
    p <- .value(.Call(C_pbp_r_money_round, .pence(v, "x"), places, mode))
    .value(.Call(C_pbp_r_money_format, p, 0L))
  }))
}

# Weights as the library's decimal text, exactly: integers; doubles only when whole and within
# 2^53 (where every whole number is a double), written out in full; character decimals as given.
# A fractional double is refused (as Python refuses a float): its decimal is not the number the
# user wrote (0.1 + 0.2 is not 0.3), and rounding it to some digits could move a penny.
.weights <- function(weights) {
  if (inherits(weights, "pbp_money")) weights <- as.character.pbp_money(weights)
  if (!(is.numeric(weights) || is.character(weights)))
    stop(.pbp_error(-1L, "weights must be whole numbers (integer, or double up to 2^53) or character decimals such as \"0.25\""))
  if (anyNA(weights)) stop(.pbp_error(-1L, sprintf("weights must not be NA (weight %d is)", which(is.na(weights))[1L])))
  if (is.character(weights)) return(enc2utf8(weights))
  if (is.integer(weights)) return(as.character(weights))
  bad <- which(!is.finite(weights) | weights != trunc(weights) | abs(weights) > 2^53)
  if (length(bad))
    stop(.pbp_error(-1L, sprintf(paste0("weight %d is %s, not a whole number a double holds exactly (up to 2^53): ",
                                        "pass weights as strings, such as c(\"0.5\", \"0.25\"), to have them exact"),
                                 bad[1L], format(weights[bad[1L]], digits = 17))))
  text <- sprintf("%.0f", weights)
  text[weights == 0] <- "0"  # not "-0"
  text
}

pbp_allocate <- function(total, weights) {
  weights <- .weights(weights)
  if (inherits(total, "pbp_money")) total <- as.character(total)
  r <- .json(.value(.Call(C_pbp_r_allocate, .money_arg(total, "total"), weights)))
  .new_money(.chrs(r$shares))
}

# -- import -----------------------------------------------------------------------------------------

pbp_import_areas <- function(lookup, population = NULL, name = NULL) {
  v <- .value(.Call(C_pbp_r_import_areas, .path(lookup, "lookup"),
                    if (is.null(population)) NULL else .path(population, "population"),
                    .string(name, "name", null_ok = TRUE)))
  r <- .json(v[["report"]])
  list(text = unname(v[["model"]]), diagnostics = .diagnostics_df(r$diagnostics), areas = r$areas,
       leaves = r$leaves, populated = r$populated)
}

pbp_import_ods <- function(data_dir, areas = NULL, name = NULL, force = FALSE) {
  v <- .value(.Call(C_pbp_r_import_ods, .path(data_dir, "data_dir"),
                    if (is.null(areas)) NULL else .path(areas, "areas"),
                    .string(name, "name", null_ok = TRUE), .flag(force, "force")))
  r <- .json(v[["report"]])
  list(text = unname(v[["model"]]), diagnostics = .diagnostics_df(r$diagnostics),
       organisations = vapply(r$organisations, as.integer, integer(1)), bodies = r$bodies,
       relations = r$relations)
}
