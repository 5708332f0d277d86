<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ErrorText</name>
    <message numerus="yes">
        <source>Too many failed sign-ins. Try again in %n second(s).</source>
        <translation>
            <numerusform>Too many failed sign-ins. Try again in %n second.</numerusform>
            <numerusform>Too many failed sign-ins. Try again in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LimitText</name>
    <message numerus="yes">
        <source>%1: at most %n characters</source>
        <translation>
            <numerusform>%1: at most %n character</numerusform>
            <numerusform>%1: at most %n characters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: at most %n rows in all</source>
        <translation>
            <numerusform>%1: at most %n row in all</numerusform>
            <numerusform>%1: at most %n rows in all</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: at most %n</source>
        <translation>
            <numerusform>%1: at most %n</numerusform>
            <numerusform>%1: at most %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Serambi::Ui::ConnectionIndicator</name>
    <message numerus="yes">
        <source>Reconnecting in %n s</source>
        <translation>
            <numerusform>Reconnecting in %n s</numerusform>
            <numerusform>Reconnecting in %n s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Serambi::Ui::ConversationDelegate</name>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n unread</numerusform>
            <numerusform>%n unread</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Serambi::Ui::InteractiveBuilder</name>
    <message numerus="yes">
        <source>Optional, up to %n characters</source>
        <translation>
            <numerusform>Optional, up to %n character</numerusform>
            <numerusform>Optional, up to %n characters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Opens the list, up to %n characters</source>
        <translation>
            <numerusform>Opens the list, up to %n character</numerusform>
            <numerusform>Opens the list, up to %n characters</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Serambi::Ui::KnowledgeBaseWindow</name>
    <message numerus="yes">
        <source>%1 — cited %n time(s)</source>
        <translation>
            <numerusform>%1 — cited %n time</numerusform>
            <numerusform>%1 — cited %n times</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) asked: %1</source>
        <translation>
            <numerusform>%n customer asked: %1</numerusform>
            <numerusform>%n customers asked: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) asked, for example:</source>
        <translation>
            <numerusform>%n customer asked, for example:</numerusform>
            <numerusform>%n customers asked, for example:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Articles no draft used in the last %n day(s)</source>
        <translation>
            <numerusform>Articles no draft used in the last %n day</numerusform>
            <numerusform>Articles no draft used in the last %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Questions that matched no article in the last %n day(s)</source>
        <translation>
            <numerusform>Questions that matched no article in the last %n day</numerusform>
            <numerusform>Questions that matched no article in the last %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n×: %1</source>
        <translation>
            <numerusform>%n×: %1</numerusform>
            <numerusform>%n×: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Serambi::Ui::NotesPanel</name>
    <message numerus="yes">
        <source>Internal notes (%n)</source>
        <translation>
            <numerusform>Internal notes (%n)</numerusform>
            <numerusform>Internal notes (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Serambi::Ui::ReportsWindow</name>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>median %1, 90% within %2 (%n chats)</source>
        <translation>
            <numerusform>median %1, 90% within %2 (%n chat)</numerusform>
            <numerusform>median %1, 90% within %2 (%n chats)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Serambi::Ui::TemplatePicker</name>
    <message numerus="yes">
        <source>%n approved templates</source>
        <translation>
            <numerusform>%n approved template</numerusform>
            <numerusform>%n approved templates</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Serambi::Ui::TrayNotifier</name>
    <message numerus="yes">
        <source>Serambi — %n unread message(s)</source>
        <translation>
            <numerusform>Serambi — %n unread message</numerusform>
            <numerusform>Serambi — %n unread messages</numerusform>
        </translation>
    </message>
</context>
</TS>
