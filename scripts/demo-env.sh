# Sourced by demo.sh and screenshots.sh once they set DEMO_DATA (the relay's data directory),
# RELAY_PORT and SIM_PORT: the relay's settings for an offline demo. Demo-only values: the
# simulator and the relay agree on them; nothing here reaches Meta.
export SERAMBI_DATA_DIR="$DEMO_DATA"
export SERAMBI_LISTEN="127.0.0.1:$RELAY_PORT"
export SERAMBI_GRAPH_URL="http://127.0.0.1:$SIM_PORT/v25.0"
# The simulator serves media itself, over http: the Graph token may go there.
export SERAMBI_MEDIA_DOWNLOAD_HOSTS="http://127.0.0.1:$SIM_PORT"
export SERAMBI_APP_SECRET=demo-app-secret
export SERAMBI_VERIFY_TOKEN=demo-verify-token
export SERAMBI_GRAPH_TOKEN=demo-graph-token
export SERAMBI_PHONE_NUMBER_ID=109876543210
export SERAMBI_WABA_ID=102030405060708
export SERAMBI_PBKDF2_ITERATIONS=20000
# The demo shop (serambi-sim's fake WooCommerce) signs its order webhooks with this; the relay
# checks them with the same.
export SERAMBI_WOOCOMMERCE_WEBHOOK_SECRET=demo-woocommerce-secret
# The demo's second number, on Twilio (demo.sh): the relay's channel "twilio" and
# `serambi-sim --provider twilio` share its auth token.
export SERAMBI_CHANNEL_TWILIO_AUTH_TOKEN=demo-twilio-auth-token
export SERAMBI_TWILIO_AUTH_TOKEN=demo-twilio-auth-token
