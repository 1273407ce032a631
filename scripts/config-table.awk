# config-table.awk: one of predictions/config/*.csv as the rows of a C
# array initializer, so the built-in tables are the shipped files (make
# runs it; the file is the one place each cue, horizon or topic is
# written).  The files are plain two-column CSV with a header and no
# quoting (so no quote or backslash); anything else stops the build
# with the file and line.
#
# usage: awk -v second=number|integer|string -f config-table.awk FILE > OUT.inc
BEGIN { FS = ","; rows = 0 }
function fail(why) {
	printf "%s:%d: %s\n", FILENAME, FNR, why > "/dev/stderr"
	failed = 1
	exit 1
}
function cstring(s) {
	return "\"" s "\""
}
{ sub(/\r$/, "") }
FNR == 1 { next } # the header
/^[ \t]*$/ { next }
{
	if (NF != 2)
		fail("expected 2 fields, found " NF)
	if (index($0, "\"") || index($0, "\\"))
		fail("a quote or backslash is not read by the build; write the value plainly")
	if (second == "number" && $2 !~ /^[0-9]+(\.[0-9]+)?$/)
		fail("\"" $2 "\" is not a number")
	if (second == "integer" && $2 !~ /^[0-9]+$/)
		fail("\"" $2 "\" is not a whole number")
	printf "\t{%s, %s},\n", cstring($1), second == "string" ? cstring($2) : $2
	rows++
}
END {
	if (!failed && rows == 0) {
		printf "%s: no rows\n", FILENAME > "/dev/stderr"
		exit 1
	}
}
