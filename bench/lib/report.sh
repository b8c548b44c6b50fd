# Sourced by the bench shell scripts: the same report as bench/common's BenchReport (Markdown on stdout; with
# $BENCH_OUT set, also $BENCH_OUT/{id}.md and {id}.json), so bench/run joins shell and .NET scenarios alike.
#   report_begin ID "Title" "column 1" "column 2" …
#   report_row cell1 cell2 …        numbers stay numbers in the JSON
#   report_note "text"
#   report_end
_report_json_cell() {
  if [[ "$1" =~ ^-?[0-9]+(\.[0-9]+)?$ ]]; then printf '%s' "$1"
  else printf '"%s"' "$(printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g')"; fi
}
_report_json_list() { local first=1 c; printf '['; for c in "$@"; do [ $first -eq 1 ] || printf ', '; first=0; _report_json_cell "$c"; done; printf ']'; }

report_begin() {
  _report_id="$1"; _report_title="$2"; shift 2
  _report_columns=("$@"); _report_rows=(); _report_md_rows=(); _report_notes=()
}
report_row() {
  _report_rows+=("$(_report_json_list "$@")")
  local line="|" c; for c in "$@"; do line+=" $c |"; done
  _report_md_rows+=("$line")
}
report_note() { _report_notes+=("$1"); }
report_end() {
  local md json i c
  md="### $_report_title"$'\n\n'"|"
  for c in "${_report_columns[@]}"; do md+=" $c |"; done
  md+=$'\n'"|---|"; for ((i = 1; i < ${#_report_columns[@]}; i++)); do md+="---:|"; done
  for c in "${_report_md_rows[@]}"; do md+=$'\n'"$c"; done
  [ ${#_report_notes[@]} -gt 0 ] && md+=$'\n'
  for c in "${_report_notes[@]}"; do md+=$'\n'"- $c"; done
  printf '%s\n\n' "$md"
  [ -n "${BENCH_OUT:-}" ] || return 0
  mkdir -p "$BENCH_OUT"
  printf '%s\n' "$md" >"$BENCH_OUT/$_report_id.md"
  json="{\"scenario\": $(_report_json_cell "$_report_id"), \"title\": $(_report_json_cell "$_report_title"), \"columns\": $(_report_json_list "${_report_columns[@]}"), \"rows\": ["
  for ((i = 0; i < ${#_report_rows[@]}; i++)); do [ $i -gt 0 ] && json+=", "; json+="${_report_rows[$i]}"; done
  json+="], \"notes\": $(_report_json_list "${_report_notes[@]}")}"
  printf '%s\n' "$json" >"$BENCH_OUT/$_report_id.json"
}
