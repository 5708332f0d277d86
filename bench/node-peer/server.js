// The Node peer of docs/performance.md: a plain WhatsApp relay as a Node team would write it from
// Meta's Express webhook sample. Express with a raw-body HMAC check, better-sqlite3 in WAL with
// synchronous=NORMAL and one transaction per webhook, and ws broadcasting each stored message to
// every connected console. It answers just enough of the console protocol (hello -> welcome,
// subscribe -> subscribed) for serambi-relay-bench to drive it like serambi-relay.
//
// Usage: node server.js PORT APP_SECRET DB_PATH
'use strict';

const crypto = require('crypto');
const http = require('http');
const express = require('express');
const Database = require('better-sqlite3');
const { WebSocketServer, WebSocket } = require('ws');

const [port, appSecret, dbPath] = process.argv.slice(2);
if (!port || !appSecret || !dbPath) {
  console.error('usage: node server.js PORT APP_SECRET DB_PATH');
  process.exit(2);
}

const db = new Database(dbPath);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec(`
  CREATE TABLE IF NOT EXISTS contacts (wa_id TEXT PRIMARY KEY, name TEXT);
  CREATE TABLE IF NOT EXISTS messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    wamid TEXT UNIQUE NOT NULL,
    wa_id TEXT NOT NULL,
    timestamp INTEGER NOT NULL,
    type TEXT NOT NULL,
    body TEXT
  );
`);
const upsertContact = db.prepare(
  'INSERT INTO contacts (wa_id, name) VALUES (?, ?) ON CONFLICT(wa_id) DO UPDATE SET name = excluded.name');
const insertMessage = db.prepare(
  'INSERT OR IGNORE INTO messages (wamid, wa_id, timestamp, type, body) VALUES (?, ?, ?, ?, ?)');

const storeWebhook = db.transaction((payload) => {
  const stored = [];
  for (const entry of payload.entry || []) {
    for (const change of entry.changes || []) {
      const value = change.value || {};
      for (const contact of value.contacts || [])
        upsertContact.run(contact.wa_id, contact.profile ? contact.profile.name : null);
      for (const message of value.messages || []) {
        const body = message.text ? message.text.body : null;
        const info = insertMessage.run(message.id, message.from, Number(message.timestamp),
                                       message.type, body);
        if (info.changes === 1)
          stored.push({ id: Number(info.lastInsertRowid), wamid: message.id, from: message.from,
                        timestamp: Number(message.timestamp), type: message.type, body });
      }
    }
  }
  return stored;
});

const app = express();
app.use(express.json({
  limit: '1mb',
  verify: (req, res, buf) => {
    const header = req.get('x-hub-signature-256') || '';
    const expected = 'sha256=' + crypto.createHmac('sha256', appSecret).update(buf).digest('hex');
    if (header.length !== expected.length ||
        !crypto.timingSafeEqual(Buffer.from(header), Buffer.from(expected)))
      throw Object.assign(new Error('bad signature'), { status: 401 });
  },
}));

app.get('/healthz', (req, res) => res.send('ok'));

app.post('/webhook', (req, res) => {
  let stored;
  try {
    stored = storeWebhook(req.body);
  } catch (error) {
    res.sendStatus(500);
    return;
  }
  res.sendStatus(200);
  for (const message of stored) {
    const frame = JSON.stringify({ type: 'event', kind: 'message.created', seq: message.id,
                                   payload: message });
    for (const client of wss.clients) {
      if (client.readyState === WebSocket.OPEN && client.subscribed)
        client.send(frame);
    }
  }
});

const server = http.createServer(app);
const wss = new WebSocketServer({ server, path: '/agents' });
wss.on('connection', (socket) => {
  socket.on('message', (data) => {
    let frame;
    try {
      frame = JSON.parse(data);
    } catch (error) {
      socket.close(1003, 'bad frame');
      return;
    }
    if (frame.type === 'hello')
      socket.send(JSON.stringify({ type: 'welcome' }));
    else if (frame.type === 'subscribe') {
      socket.subscribed = true;
      socket.send(JSON.stringify({ type: 'subscribed' }));
    }
  });
});

server.listen(Number(port), '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${server.address().port}`);
});
