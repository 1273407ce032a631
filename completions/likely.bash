# bash completion for likely(1): its commands, each command's options and
# the choices an option offers (--format table|csv), all read from the
# program's own --help when TAB is pressed, so it never falls behind the
# program.  Operands and file options complete as file names.
# Installed by make install as $(PREFIX)/share/bash-completion/completions/likely.

# The command names, from the "commands:" list of likely --help.
_likely_commands()
{
	"$1" --help 2>/dev/null | awk '/^commands:/ { on = 1; next } /^$/ { on = 0 } on { print $1 }'
}

# The choices for option $3 of command $2: its value in the usage line
# when that is a list like table|csv (placeholders in capitals dropped).
_likely_choices()
{
	"$1" "$2" --help 2>/dev/null | sed -n '/^usage:/,/^$/p' |
		grep -oE -- "$3 [A-Za-z0-9|]*[|][A-Za-z0-9|]*" | head -1 | cut -d' ' -f2 |
		tr '|' '\n' | grep -v '^[A-Z]'
}

_likely()
{
	local prog=${COMP_WORDS[0]} cur=${COMP_WORDS[COMP_CWORD]}
	local prev=${COMP_WORDS[COMP_CWORD - 1]} cmd='' i
	COMPREPLY=()
	# the command is the first word that is neither an option nor the
	# value of --db or --config
	for ((i = 1; i < COMP_CWORD; i++)); do
		case ${COMP_WORDS[i]} in
		--db | --config) ((i++)) ;;
		-*) ;;
		*) cmd=${COMP_WORDS[i]}; break ;;
		esac
	done
	case $prev in
	--db | --config | --out | --output | -o | --manifest)
		return 0 # a file or folder: the default completion
		;;
	esac
	if [[ -z $cmd ]]; then
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W "--db --config --version --help" -- "$cur"))
		else
			COMPREPLY=($(compgen -W "$(_likely_commands "$prog")" -- "$cur"))
		fi
		return 0
	fi
	if [[ $prev == --* ]]; then
		local choices
		choices=$(_likely_choices "$prog" "$cmd" "$prev")
		if [[ -n $choices ]]; then
			COMPREPLY=($(compgen -W "$choices" -- "$cur"))
			return 0
		fi
	fi
	if [[ $cur == -* ]]; then
		local options
		options=$("$prog" "$cmd" --help 2>/dev/null | grep -oE -- '--[a-z][a-z0-9-]*' | sort -u)
		COMPREPLY=($(compgen -W "$options --db --config --help" -- "$cur"))
	fi
	return 0
}
complete -o bashdefault -o default -F _likely likely
