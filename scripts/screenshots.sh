#!/bin/sh
# Regenerates the console screenshots in docs/screenshots/: Indonesian and English, light and
# dark, the main window with a busy chat list (with labels), an open AI draft and rich messages,
# then the Reports window, the knowledge-base window and the customer panel with a customer's
# shop orders. Runs serambi-relay, serambi-sim (the demo's Indonesian customers, sped up) and
# serambi under Xvfb.
# SERAMBI_BUILD_DIR picks an existing build (default: build/dev, configured and built here).
set -eu
cd "$(dirname "$0")/.."

BUILD=${SERAMBI_BUILD_DIR:-build/dev}
if [ -z "${SERAMBI_BUILD_DIR:-}" ]; then
    scripts/install-deps.sh
    cmake --preset dev >/dev/null
    cmake --build --preset dev --target serambi serambi-relay serambi-sim
fi
command -v xvfb-run >/dev/null || { echo "screenshots: xvfb-run is missing (scripts/install-deps.sh)" >&2; exit 1; }

OUT=docs/screenshots
WORK=$(mktemp -d)
RELAY_PORT=${SERAMBI_SHOTS_RELAY_PORT:-18090}
SIM_PORT=${SERAMBI_SHOTS_SIM_PORT:-18091}
mkdir -p "$OUT"

DEMO_DATA="$WORK/relay"
. scripts/demo-env.sh
# The console's settings and cache stay in the temporary directory.
export XDG_CONFIG_HOME="$WORK/config"
export XDG_DATA_HOME="$WORK/data"

printf '%s\n' serambi-demo | "$BUILD/relay/serambi-relay" user add demo --role agent \
    --display-name "Demo Agent" >/dev/null
"$BUILD/relay/serambi-relay" kb import resources/demo/kb >/dev/null

"$BUILD/relay/serambi-relay" >"$WORK/relay.log" 2>&1 &
RELAY_PID=$!
"$BUILD/sim/serambi-sim" --listen "127.0.0.1:$SIM_PORT" --pace 20 \
    --webhook-url "http://127.0.0.1:$RELAY_PORT/webhook" \
    --shop-webhook-url "http://127.0.0.1:$RELAY_PORT/woocommerce/webhook" \
    --script resources/demo/customers.json >"$WORK/sim.log" 2>&1 &
SIM_PID=$!
cleanup() {
    kill "$RELAY_PID" "$SIM_PID" 2>/dev/null || true
    wait "$RELAY_PID" "$SIM_PID" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

# At pace 20 every scripted customer has written, photo, location, transfer receipt and voice
# note included, before the console starts (the last starts after 30 s / 20).
sleep 12

# The team's labels on some chats, so the chat list shows its chips (docs/console.md, "Labels").
# Written into the relay's database as a supervisor's save_label and set_conversation_labels
# would leave it; the console reads them from list_labels and the snapshot.
sqlite3 "$DEMO_DATA/relay.sqlite" <<'SQL'
.timeout 10000
INSERT INTO labels (id, name, color, created_at, updated_at) VALUES
    (1, 'Komplain', '#d93025', 0, 0), (2, 'VIP', '#f29900', 0, 0),
    (3, 'Menunggu transfer', '#1a73e8', 0, 0), (4, 'Grosir', '#188038', 0, 0);
INSERT INTO conversation_labels (conversation_id, label_id, added_at)
    SELECT c.id, l.id, 0 FROM conversations c JOIN contacts k ON k.id = c.contact_id
    JOIN (SELECT '6281234567001' AS wa_id, 1 AS label_id UNION ALL SELECT '6281234567001', 2
          UNION ALL SELECT '6281234567003', 3 UNION ALL SELECT '6281234567002', 4
          UNION ALL SELECT '6281234567004', 2) s ON s.wa_id = k.wa_id
    JOIN labels l ON l.id = s.label_id;
SQL

# Each shot opens another demo customer's chat, so the rich messages are in view: Siti's photo
# of the damaged parcel, Dewi's transfer receipt (PDF), Budi's location, Agus's voice note.
for shot in id:light:6281234567001 id:dark:6281234567003 en:light:6281234567002 \
    en:dark:6281234567004; do
    lang=${shot%%:*}
    rest=${shot#*:}
    theme=${rest%%:*}
    chat=${rest#*:}
    file="$OUT/console-$lang-$theme.png"
    printf '%s\n' serambi-demo | xvfb-run -a -s "-screen 0 1400x900x24" \
        "$BUILD/console/serambi" --relay "ws://127.0.0.1:$RELAY_PORT/agents" --user demo \
        --password-stdin --lang "$lang" --theme "$theme" --data-dir "$WORK/console-$lang-$theme" \
        --screenshot "$file" --screenshot-chat "$chat" --screenshot-delay 5000
    echo "screenshots: wrote $file"
done

# The Reports window (English and Indonesian) and the Indonesian audit log, saved by its widget
# test against its own relay and simulator on loopback.
if [ -z "${SERAMBI_BUILD_DIR:-}" ]; then
    cmake --build --preset dev --target tst_reportswindow
fi
SERAMBI_SCREENSHOT_DIR="$PWD/$OUT" QT_QPA_PLATFORM=offscreen \
    "$BUILD/tests/ui/tst_reportswindow" shouldShowTheRelaysFiguresAndExportATable >/dev/null
echo "screenshots: wrote $OUT/reports-en.png $OUT/reports-id.png $OUT/audit-log-id.png"
# The knowledge-base window (suggestions, Try it, an older version previewed), in both
# languages, from its test against a real relay and simulator.
cmake --build "$BUILD" --target tst_knowledgebasewindow >/dev/null
SERAMBI_SCREENSHOT_DIR="$PWD/$OUT" QT_QPA_PLATFORM=offscreen \
    "$BUILD/tests/ui/tst_knowledgebasewindow" >"$WORK/kb-shots.log" 2>&1
echo "screenshots: wrote $OUT/knowledge-base-*.png"
# The customer panel beside a chat, with orders from signed WooCommerce webhooks, in English and
# Indonesian: tst_customerpanel saves them when SERAMBI_SCREENSHOT_DIR is set.
if [ -z "${SERAMBI_BUILD_DIR:-}" ]; then
    cmake --build --preset dev --target tst_customerpanel
fi
SERAMBI_SCREENSHOT_DIR="$PWD/$OUT" xvfb-run -a -s "-screen 0 1400x900x24" \
    "$BUILD/tests/ui/tst_customerpanel" >"$WORK/customerpanel.log" 2>&1 ||
    { cat "$WORK/customerpanel.log" >&2; exit 1; }
echo "screenshots: wrote $OUT/customer-panel-en.png $OUT/customer-panel-id.png"
# The supervisors' floor with a chat waiting in a team's queue, in Indonesian.
if [ -z "${SERAMBI_BUILD_DIR:-}" ]; then
    cmake --build --preset dev --target tst_floorwindow
fi
SERAMBI_SCREENSHOT_DIR="$PWD/$OUT" QT_QPA_PLATFORM=offscreen \
    "$BUILD/tests/ui/tst_floorwindow" shouldShowTheFloorInIndonesian >"$WORK/floor.log" 2>&1 ||
    { cat "$WORK/floor.log" >&2; exit 1; }
echo "screenshots: wrote $OUT/floor-id.png"
