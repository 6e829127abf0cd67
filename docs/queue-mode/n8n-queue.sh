#!/usr/bin/env bash
# Starts one process of an n8n queue-mode deployment, or runs an n8n command with its settings:
#   n8n-queue.sh main | worker | webhook | <any n8n command> [n8n arguments]
# Settings come from queue.env beside this script (or QUEUE_ENV_FILE); a variable already set in
# the environment wins. N8N_BIN is the n8n executable (default: n8n on PATH).
set -euo pipefail

file=${QUEUE_ENV_FILE:-$(dirname "$0")/queue.env}
while IFS= read -r line || [ -n "$line" ]; do
	case $line in '' | '#'*) continue ;; esac
	key=${line%%=*}
	[ -n "${!key+x}" ] || export "$key=${line#*=}"
done <"$file"

if [ "$N8N_ENCRYPTION_KEY" = replace-with-the-output-of-openssl-rand-base64-32 ]; then
	echo "n8n-queue.sh: set N8N_ENCRYPTION_KEY (the same on every process) in $file or the environment" >&2
	exit 2
fi

# Defaults that let the three processes share one host; containers may keep n8n's own.
role=${1:?usage: n8n-queue.sh main|worker|webhook|<n8n command> [arguments]}
shift
case $role in
main)
	set -- start "$@"
	export N8N_PORT=${N8N_PORT:-5678}
	;;
worker)
	set -- worker "$@"
	export QUEUE_HEALTH_CHECK_PORT=${QUEUE_HEALTH_CHECK_PORT:-5681}
	export N8N_RUNNERS_BROKER_PORT=${N8N_RUNNERS_BROKER_PORT:-5682}
	;;
webhook)
	set -- webhook "$@"
	export N8N_PORT=${N8N_PORT:-5680}
	;;
*) set -- "$role" "$@" ;;
esac

exec "${N8N_BIN:-n8n}" "$@"
