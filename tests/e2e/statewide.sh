#!/bin/sh
# End-to-end checks of the statewide picture and the newly certified over real HTTP and on
# the command line, on the demo data set with three libraries' directors named (one
# certified, one within their window, one late), as TAP:
#  - each table's CSV download: its type and file name, its head, numbers that agree with
#    the database and with `certtrack report compliance`, and a name that a spreadsheet
#    would run as a formula neutralised;
#  - a consultant's downloads hold only the libraries they serve;
#  - `certtrack report certified` and /statewide/certified.csv list the same certificates:
#    the awarded ones of the range, not the imported or revoked ones; the announcement
#    as text; bad ranges are refused.
# Usage: statewide.sh CERTTRACK SOURCE_ROOT
set -u
certtrack=$1
root=$2
programs="$root/programs"
export CERTTRACK_TODAY=2026-06-15
. "$root/tests/e2e/http-lib.sh"
e2e_begin statewide

if ! command -v sqlite3 >/dev/null 2>&1; then
    echo "1..0 # SKIP the sqlite3 shell is not installed"
    exit 0
fi
db="$work/demo.db"
"$certtrack" demo-data --db "$db" --programs "$programs" >/dev/null || exit 1
q() { sqlite3 "$db" "$1"; }

# Three directors named: library 1's hired 2023-01-01 (within their window until
# 2027-01-01), the first library whose staff administrator holds a director's certificate
# in force (certified), and library 3's hired 2020-01-01 without one (late since
# 2024-01-01).
certified_library=$(q "SELECT p.library_id FROM certificates c JOIN people p ON p.id = c.person_id
    JOIN person_roles r ON r.person_id = p.id AND r.role = 'library-administrator'
    WHERE c.program LIKE 'msl-director-%' AND c.revoked IS NULL AND c.issued <= '2026-06-15'
    AND c.valid_until > '2026-06-15' AND p.library_id NOT IN (1, 3) ORDER BY p.library_id LIMIT 1")
name_director() { # library, hire day
    q "UPDATE libraries SET director_id = (SELECT p.id FROM people p JOIN person_roles r
         ON r.person_id = p.id AND r.role = 'library-administrator' WHERE p.library_id = $1
         ORDER BY p.id LIMIT 1) WHERE id = $1;
       UPDATE person_roles SET began = '$2' WHERE role = 'library-administrator'
         AND person_id = (SELECT director_id FROM libraries WHERE id = $1);"
}
# The demo names every library's director; the test names its three and no other, so
# that every other library counts as having none.
q "UPDATE libraries SET director_id = NULL"
name_director 1 2023-01-01
name_director "$certified_library" 2019-01-01
name_director 3 2020-01-01
uncertified=$(q "SELECT COUNT(*) FROM certificates c JOIN libraries l
    ON l.director_id = c.person_id WHERE l.id IN (1, 3) AND c.revoked IS NULL
    AND c.valid_until > '2026-06-15' AND c.program IN ('msl-director-initial',
    'msl-director-renewal', 'msl-strategic')")
e2e_serve "$db"

sign_in "$work/coordinator" coordinator@example.org >/dev/null
sign_in "$work/consultant" consultant@example.org >/dev/null

# download JAR PATH NAME: the CSV into $work/NAME.csv (its lines' CRLF made LF, for grep),
# its headers into $work/NAME.headers.
download() {
    curl -s -b "$1" -D "$work/$3.headers" -o "$work/$3.crlf" "$base$2" &&
        grep -q "$(printf '\r')$" "$work/$3.crlf" && tr -d '\r' <"$work/$3.crlf" >"$work/$3.csv" &&
        grep -qi '^content-type: text/csv; charset=utf-8' "$work/$3.headers" &&
        grep -qi "^content-disposition: attachment; filename=\"$3-2026-06-15.csv\"" \
            "$work/$3.headers"
}

echo "1..15"
check "the directors are named: one certified, two without a director's certificate" \
    sh -c "[ -n '$certified_library' ] && [ '$uncertified' = 0 ]"

programs_agree() {
    download "$work/coordinator" /statewide/programs.csv statewide-programs &&
        head -1 "$work/statewide-programs.csv" | grep -qx '"program","program_name","complete","in_progress","ineligible","expired","open_tracks"' &&
        "$certtrack" report compliance --db "$db" --programs "$programs" >"$work/compliance.csv" &&
        for program in msl-director-initial msl-director-renewal msl-staff msl-strategic msl-trustee; do
            expected=$(awk -F, -v p="$program" 'NR > 1 && $5 == p { n[$9]++ }
                END { printf "\"%d\",\"%d\",\"%d\",\"%d\"", n["complete"], n["in-progress"],
                      n["ineligible"], n["expired"] }' "$work/compliance.csv")
            grep -q "^\"$program\",\"[^\"]*\",$expected," "$work/statewide-programs.csv" || {
                echo "$program: expected $expected"; cat "$work/statewide-programs.csv"; return 1; }
        done
}
check "programs.csv counts each program's open tracks by the status the compliance report gives" \
    programs_agree

kinds_agree() {
    libraries=$(q "SELECT COUNT(*) FROM libraries WHERE closed_on IS NULL")
    download "$work/coordinator" /statewide/kinds.csv statewide-kinds &&
        grep -qx "\"all\",\"$libraries\",\"1\",\"1\",\"1\",\"0\",\"$((libraries - 3))\"" \
            "$work/statewide-kinds.csv"
}
check "kinds.csv counts one director of each standing and the libraries with none" kinds_agree

directors_listed() {
    download "$work/coordinator" /statewide/directors.csv statewide-directors &&
        grep -q '^"1",".*","public","[0-9]*",".*","2023-01-01","2027-01-01","within"' \
            "$work/statewide-directors.csv" &&
        grep -q "^\"$certified_library\",\".*\",\"public\",\"[0-9]*\",\".*\",\"2019-01-01\",\"2023-01-01\",\"certified\"" \
            "$work/statewide-directors.csv" &&
        grep -q '^"3",".*","2020-01-01","2024-01-01","late"' "$work/statewide-directors.csv" &&
        [ "$(grep -c '"no-director"$' "$work/statewide-directors.csv")" = \
            "$(q "SELECT COUNT(*) - 3 FROM libraries WHERE closed_on IS NULL")" ]
}
check "directors.csv gives each library's director, hire day, window and standing" \
    directors_listed

months_listed() {
    download "$work/coordinator" /statewide/months.csv statewide-months &&
        [ "$(wc -l <"$work/statewide-months.csv")" = 13 ] &&
        sed -n 2p "$work/statewide-months.csv" | grep -q '^"2025-07","[0-9.]*"' &&
        sed -n 13p "$work/statewide-months.csv" | grep -q '^"2026-06","[0-9.]*"' &&
        awk -F'"' 'NR > 1 && $4 > 0 { n++ } END { exit n > 6 ? 0 : 1 }' "$work/statewide-months.csv"
}
check "months.csv gives the credits counted in each of the twelve months to June 2026" months_listed

quarter_agrees() {
    download "$work/coordinator" /statewide/quarter.csv statewide-quarter &&
        download "$work/coordinator" /statewide/expiring.csv statewide-expiring &&
        sed -n 2,4p "$work/statewide-quarter.csv" | cut -d, -f1 | tr -d '"' | tr '\n' ' ' |
        grep -qx '2026-07 2026-08 2026-09 ' &&
        quarter=$(awk -F'"' 'NR > 1 { s += $4 } END { print s }' "$work/statewide-quarter.csv") &&
        people=$(awk -F'","' 'NR > 1 { s += $4 } END { print s }' "$work/statewide-expiring.csv") &&
        [ "$quarter" = "$people" ] && [ "$(wc -l <"$work/statewide-expiring.csv")" -gt 1 ] &&
        awk -F'","' 'NR > 1 && ($5 < "2026-07-01" || $5 >= "2026-10-01\"") { exit 1 }' \
            "$work/statewide-expiring.csv"
}
check "quarter.csv and expiring.csv agree on what stops counting from July to September 2026" \
    quarter_agrees

formula_neutralised() {
    person=$(sed -n 2p "$work/statewide-expiring.csv" | cut -d, -f1 | tr -d '"')
    q "UPDATE people SET name = '=HYPERLINK(\"http://evil.example\",\"x\")' WHERE id = $person"
    download "$work/coordinator" /statewide/expiring.csv statewide-expiring &&
        grep -q "^\"$person\",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"," \
            "$work/statewide-expiring.csv" &&
        ! grep -q '"=' "$work/statewide-expiring.csv"
}
check "a name a spreadsheet would run as a formula is neutralised in the CSV" formula_neutralised

consultants_libraries() {
    consultant=$(q "SELECT id FROM people WHERE email = 'consultant@example.org'")
    served=$(q "SELECT COUNT(*) FROM library_consultants lc JOIN libraries l ON l.id = lc.library_id
                WHERE lc.person_id = $consultant AND l.closed_on IS NULL")
    download "$work/consultant" /statewide/directors.csv statewide-directors &&
        [ "$served" -gt 0 ] && [ "$(($(wc -l <"$work/statewide-directors.csv") - 1))" = "$served" ] &&
        download "$work/consultant" /statewide/kinds.csv statewide-kinds &&
        grep -q "^\"all\",\"$served\"," "$work/statewide-kinds.csv"
}
check "a consultant's downloads hold only the libraries they serve" consultants_libraries

filtered() {
    download "$work/coordinator" "/statewide/programs.csv?program=msl-trustee&kind=public" \
        statewide-programs &&
        [ "$(wc -l <"$work/statewide-programs.csv")" = 2 ] &&
        grep -q '^"msl-trustee",' "$work/statewide-programs.csv" &&
        download "$work/coordinator" "/statewide/kinds.csv?kind=school" statewide-kinds &&
        grep -qx '"all","0","0","0","0","0","0"' "$work/statewide-kinds.csv"
}
check "the downloads keep the page's filters" filtered

# The newly certified of 2025: one certificate marked imported, one revoked, left out.
q "UPDATE certificates SET provenance = 'imported' WHERE id = (SELECT MIN(id) FROM certificates
     WHERE issued BETWEEN '2025-01-01' AND '2025-12-31');
   UPDATE certificates SET revoked = '2026-01-05', revoked_reason = 'error' WHERE id =
     (SELECT MAX(id) FROM certificates WHERE issued BETWEEN '2025-01-01' AND '2025-12-31')"
expected=$(q "SELECT COUNT(*) FROM certificates WHERE issued BETWEEN '2025-01-01' AND '2025-12-31'
              AND provenance = 'awarded' AND revoked IS NULL")
command_lists() {
    "$certtrack" report certified --db "$db" --programs "$programs" --from 2025-01-01 \
        --to 2025-12-31 >"$work/certified-cli.csv" &&
        head -1 "$work/certified-cli.csv" |
        grep -qx "$(printf 'program,program_name,library_id,library,city,person_id,name,issued,certificate\r')" &&
        [ "$(($(wc -l <"$work/certified-cli.csv") - 1))" = "$expected" ] && [ "$expected" -gt 2 ] &&
        ! grep -q "$(q "SELECT number FROM certificates WHERE provenance = 'imported'")" \
            "$work/certified-cli.csv" &&
        ! grep -q "$(q "SELECT number FROM certificates WHERE revoked IS NOT NULL")" \
            "$work/certified-cli.csv" &&
        tail -n +2 "$work/certified-cli.csv" | cut -d, -f1 | sort -c
}
check "report certified lists the awarded certificates of the range, by program" command_lists

page_agrees() {
    download "$work/coordinator" "/statewide/certified.csv?from=2025-01-01&to=2025-12-31" \
        newly-certified &&
        [ "$(tail -n +2 "$work/newly-certified.csv" | tr -d '"' | cut -d, -f9 | tr -d '\r')" = \
            "$(tail -n +2 "$work/certified-cli.csv" | cut -d, -f9 | tr -d '\r')" ]
}
check "/statewide/certified.csv lists the same certificates in the same order" page_agrees

text_announcement() {
    "$certtrack" report certified --db "$db" --programs "$programs" --from 2025-01-01 \
        --to 2025-12-31 --format text >"$work/announcement.txt" &&
        curl -s -b "$work/coordinator" -D "$work/text.headers" -o "$work/announcement-web.txt" \
            "$base/statewide/certified.txt?from=2025-01-01&to=2025-12-31" &&
        grep -qi '^content-type: text/plain; charset=utf-8' "$work/text.headers" &&
        grep -qi '^content-disposition: attachment; filename="newly-certified-2025-01-01-2025-12-31.txt"' \
            "$work/text.headers" &&
        cmp "$work/announcement.txt" "$work/announcement-web.txt" &&
        name=$(sed -n 2p "$work/certified-cli.csv" | cut -d, -f7) &&
        grep -qF "$name" "$work/announcement.txt" &&
        grep -q 'Montana State Library' "$work/announcement.txt" &&
        grep -q 'January 1, 2025' "$work/announcement.txt"
}
check "the announcement is the same text on the command line and as the page's download" \
    text_announcement

reworded() {
    mkdir -p "$work/templates" &&
        printf 'Our newly certified, {{from}} to {{to}}:\n{{#programs}}{{#libraries}}{{#people}}{{name}} ({{program}}, {{library}})\n{{/people}}{{/libraries}}{{/programs}}' \
            >"$work/templates/announcement.txt" &&
        CERTTRACK_TEMPLATES="$work/templates" "$certtrack" report certified --db "$db" \
            --programs "$programs" --from 2025-01-01 --to 2025-12-31 --format text \
            >"$work/reworded.txt" &&
        head -1 "$work/reworded.txt" | grep -qx 'Our newly certified, 2025-01-01 to 2025-12-31:' &&
        [ "$(($(wc -l <"$work/reworded.txt") - 1))" = "$expected" ] &&
        printf 'Hello\n{{#programs}}{{salary}}{{/programs}}\n' >"$work/templates/announcement.txt" &&
        ! CERTTRACK_TEMPLATES="$work/templates" "$certtrack" report certified --db "$db" \
            --programs "$programs" --from 2025-01-01 --to 2025-12-31 --format text \
            >/dev/null 2>"$work/err" &&
        grep -q 'announcement.txt line 2' "$work/err"
}
check "a State Library rewords the announcement in its templates directory; a bad field is refused" \
    reworded

refused() {
    "$certtrack" report certified --db "$db" --programs "$programs" --from 2025-12-31 \
        --to 2025-01-01 >/dev/null 2>"$work/err"
    [ $? = 2 ] && grep -q 'before --from' "$work/err" &&
        "$certtrack" report certified --db "$db" --programs "$programs" --from 2025-02-30 \
            --to 2025-12-31 >/dev/null 2>"$work/err"
    [ $? = 2 ] && grep -q -- '--from' "$work/err" &&
        "$certtrack" report certified --db "$db" --programs "$programs" --from 2025-01-01 \
            --to 2025-12-31 --format pdf >/dev/null 2>"$work/err"
    [ $? = 2 ] && grep -q 'expected csv or text' "$work/err" &&
        [ "$(curl -s -b "$work/coordinator" -o "$work/bad.txt" -w '%{http_code}' \
            "$base/statewide/certified.csv?from=2025-12-31&to=2025-01-01")" = 400 ] &&
        grep -q 'before the first' "$work/bad.txt"
}
check "a range that ends before it starts, a day that is not one and a bad format are refused" \
    refused

learner_refused() {
    sign_in "$work/staff" staff@example.org >/dev/null
    [ "$(curl -s -b "$work/staff" -o /dev/null -w '%{http_code}' "$base/statewide/directors.csv")" = 403 ]
}
check "a learner may not download the statewide picture" learner_refused

exit $failed
