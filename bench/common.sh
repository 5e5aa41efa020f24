# Sourced by the benchmark scripts: the SMTP sink and the benchmark campaign. Expects CP (the jar and the test
# classes, which hold the sink) and PORT; SINK_PID names the running sink.

start_sink() {
  java -cp "$CP" org.lettermerge.bench.SmtpSink "$PORT" "$1" & SINK_PID=$!
  for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && return; sleep 0.1; done
  echo "the sink did not start on port $PORT" >&2; exit 1
}
stop_sink() { kill "$SINK_PID"; wait "$SINK_PID" 2>/dev/null || true; SINK_PID=; }

# write_campaign DIR N CONNECTIONS: the example campaign (text and HTML, 121 signatories; without the PDF
# attachment, so each message is the letter itself) with N generated recipients, pointed at the sink, pacing off,
# its delivery log DIR/bench.db.
write_campaign() {
  local dir=$1 n=$2 k=$3
  cp config/campaign.yaml config/letter.yaml config/signatories.csv "$dir"/
  cp -r templates "$dir"/templates
  sed -i -e 's#\.\./templates/#templates/#' -e '/^attachments:/d' -e '/joint-letter.pdf/d' -e 's#\.\./var/example.db#bench.db#' \
    -e "s#^smtp: sandbox#smtp:\n  host: 127.0.0.1\n  port: $PORT\n  security: none\n  rate: unlimited\n  connections: $k\n  messages_per_connection: 0#" \
    "$dir"/campaign.yaml
  { echo "email,title,name,position,organization,salutation"
    seq 1 "$n" | awk '{ printf "person%d@example.org,Dr.,Person %d,Director,Organization %d,Dr. Person %d\n", $1, $1, $1, $1 }'
  } > "$dir"/recipients.csv
}
