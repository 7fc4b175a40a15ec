# The test models (copies of the repository's tests/data/capi, checked identical by
# tests/bindings/run.sh): every expected value below is worked out by hand from them.
data_file <- function(name) {
  path <- system.file("extdata", name, package = "pbp")
  if (!nzchar(path)) stop("test data ", name, " is not installed with the package")
  path
}
small <- function() pbp_load(data_file("small.json"))
