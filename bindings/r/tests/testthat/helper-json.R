# The C library's own JSON answer to a query (the .Call routine behind each R function), parsed
# with jsonlite: what the data frames are checked against, row by row.
raw_answer <- function(routine, ...) {
  jsonlite::fromJSON(pbp:::.value(.Call(routine, ...)), simplifyVector = FALSE)
}
C <- function(name) get(paste0("C_pbp_r_", name), envir = asNamespace("pbp"))

# NULL (JSON null) as NA, for comparing with a data frame cell.
na_if_null <- function(x) if (is.null(x)) NA_character_ else x

model_json <- function(m) jsonlite::fromJSON(pbp_export(m, "json"), simplifyVector = FALSE)

alive_on <- function(e, day) is.null(day) || ((is.null(e$valid_from) || e$valid_from <= day) &&
                                                (is.null(e$valid_to) || day < e$valid_to))
