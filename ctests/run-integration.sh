#!/usr/bin/env bash
# run-integration.sh CASSANDRA_SCRIPT VARIANT PROGRAM [ARGS...]
# Runs one integration test program with the environment of the node variant it needs: the
# export lines of `scripts/cassandra env VARIANT` (CASSANDRA_HOST, CASSANDRA_PORT, credentials,
# TLS file paths, ...), plus CASS_TEST_HOST/CASS_TEST_PORT taken from CASSANDRA_HOST/CASSANDRA_PORT
# (test_util.h reads those).
set -euo pipefail
cassandra=$1 variant=$2
shift 2
if env_lines=$(bash "$cassandra" env "$variant"); then
  eval "$env_lines"
elif [[ $variant == plain ]]; then
  echo "run-integration.sh: '$cassandra env plain' failed; using CASS_TEST_HOST=${CASS_TEST_HOST:-127.0.0.1}" >&2
else
  echo "run-integration.sh: '$cassandra env $variant' failed" >&2
  exit 1
fi
export CASS_TEST_HOST=${CASSANDRA_HOST:-${CASS_TEST_HOST:-127.0.0.1}}
export CASS_TEST_PORT=${CASSANDRA_PORT:-${CASS_TEST_PORT:-9042}}
exec "$@"
