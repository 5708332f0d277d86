<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>ChatText</name>
    <message>
        <source>Photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voice message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sticker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Button reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsupported message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI answering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for an agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI sends replies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI drafts, agent approves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>The relay did not understand the console. Update Serambi or tell your administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This version of Serambi is too old or too new for the relay. Update Serambi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not signed in. Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong username or password, or your session has expired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Too many failed sign-ins. Try again in %n second(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>You are not allowed to do this: the chat belongs to someone else or your role does not permit it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This chat, message or user no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The relay refused the request as incomplete. Check the text and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The 24-hour window has closed — send a template instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else changed this chat first, for example another agent took it over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WhatsApp refused the message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WhatsApp refused the message: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The relay had a problem and did not apply the request. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The relay refused the request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach the relay. Check the address and your network connection.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Serambi::Ui::ComposerPanel</name>
    <message>
        <source>Write a reply — Enter sends, Shift+Enter for a new line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a reply — Ctrl+Enter sends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not quote (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replying to: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Serambi::Ui::ConnectionIndicator</name>
    <message>
        <source>Signed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Reconnecting in %n s</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Offline since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Serambi::Ui::ConversationDelegate</name>
    <message>
        <source>Draft ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Serambi::Ui::ConversationHeader</name>
    <message>
        <source>&amp;Take over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take this chat over from the AI or the queue (Ctrl+T)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hand back to AI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let the AI answer this chat again (Ctrl+Shift+H)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;solve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark the chat as resolved (Ctrl+Shift+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assi&amp;gn…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give this chat to another agent (Ctrl+Shift+A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI &amp;mode:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time left in the 24-hour window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No chat open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a chat on the left, or press Ctrl+J for the next one that needs you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>24-hour window: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Serambi::Ui::ConversationListPanel</name>
    <message>
        <source>Search name, number or message (Ctrl+K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search chats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chats: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Serambi::Ui::ConversationView</name>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+R replies to the selected message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Serambi::Ui::DraftPanel</name>
    <message>
        <source>AI draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Approve and send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the draft and go to the next chat that needs you (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the draft into the composer to change it (Ctrl+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;generate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the AI for a new draft (Ctrl+Shift+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Throw the draft away (Ctrl+Shift+D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI draft (writing…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidence %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The AI suggests a person answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Serambi::Ui::MainWindow</name>
    <message>
        <source>No other chat needs you right now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serambi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serambi — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (supervisor)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (agent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Serambi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search chats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next chat that needs me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous chat that needs me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Take over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hand back to AI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;solve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assi&amp;gn to…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reply to the selected message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Write a reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Approve and send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit in the composer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;generate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;All chats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A message to %1 was not delivered: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assign chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username of the agent who takes this chat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a delivered message first, then press Ctrl+R.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Serambi::Ui::MessageBar</name>
    <message>
        <source>Message from the relay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Serambi::Ui::MessageDelegate</name>
    <message>
        <source>AI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsupported message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serambi cannot show this kind of message (%1) yet. Ask the customer to send it another way, or open it on WhatsApp.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An earlier message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not delivered: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reaction %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Serambi::Ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;notifications for new handoffs and assigned chats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play a &amp;sound with notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send &amp;with:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter (Shift+Enter for a new line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Enter (Enter for a new line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light and dark follow your system&apos;s theme.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Serambi::Ui::SignInDialog</name>
    <message>
        <source>Sign in to Serambi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Relay address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relay address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system keychain is available: the session is kept only until you quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Serambi::Ui::TrayNotifier</name>
    <message>
        <source>Chat assigned to you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is now yours to answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A customer asks for a person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is waiting for an agent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Serambi — %n unread message(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Serambi</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
