# Sourced by the bench scripts. Every port of the local stack shifted by BENCH_PORT_OFFSET (default 20000), so a
# bench never disturbs a stack already running, and the gateway's per-client rate limits raised: one client machine
# generates all the load, and the limits would measure themselves.
offset=${BENCH_PORT_OFFSET:-20000}
names=(DISCOVERY:8761 DISCOVERY_PEER:8762 GATEWAY:8080 GATEWAY_MANAGEMENT:8090 USER_SERVICE:8081 CATALOG_SERVICE:8082
  ORDER_SERVICE:8083 NOTIFICATION_SERVICE:8084 PAYMENT_SANDBOX:8085 WEB:8088 KAFKA:9092 KAFKA_CONTROLLER:9093 SMTP:3025
  MAIL_API:8025 ZIPKIN:9411 PROMETHEUS:9090 H2:9095)
for entry in "${names[@]}"; do export "${entry%%:*}_PORT=$((${entry##*:} + offset))"; done
for tier in API LOGIN SENSITIVE; do
  export SHOP_RATELIMIT_${tier}_REQUESTS=1000000 SHOP_RATELIMIT_${tier}_PERIOD=1s SHOP_RATELIMIT_${tier}_BURST=1000000
done

# The number after " key=" in a RESULT line; the space keeps p99_ms from matching inside request_p99_ms.
value() { sed -nE "s/(^|.*[[:space:]])$1=([0-9.]+).*/\2/p" <<<"$2"; }
