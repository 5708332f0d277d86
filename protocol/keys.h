#pragma once

#include <QLatin1String>

// The JSON keys of frames, command arguments and command results (docs/protocol.md). The relay
// and the console read and write them through these names only; the keys of the objects inside
// frames are spelled in payloads.cpp. Meta's own objects passed through (interactive, template
// components) keep Meta's keys where they are built.
namespace Serambi::Protocol::Key {

// Every frame
inline constexpr QLatin1String Type("type");
inline constexpr QLatin1String Id("id");
inline constexpr QLatin1String Name("name");
inline constexpr QLatin1String Args("args");
inline constexpr QLatin1String Ok("ok");
inline constexpr QLatin1String Data("data");
inline constexpr QLatin1String Direction("direction");
inline constexpr QLatin1String Error("error");
inline constexpr QLatin1String Code("code");
inline constexpr QLatin1String Message("message");
inline constexpr QLatin1String Seq("seq");
inline constexpr QLatin1String Since("since");
inline constexpr QLatin1String Kind("kind");
inline constexpr QLatin1String ProtocolVersion("v");

// hello and welcome
inline constexpr QLatin1String Login("login");
inline constexpr QLatin1String Username("username");
inline constexpr QLatin1String Password("password");
inline constexpr QLatin1String Token("token");
inline constexpr QLatin1String Client("client");
inline constexpr QLatin1String User("user");
inline constexpr QLatin1String Role("role");
inline constexpr QLatin1String DisplayName("display_name");
inline constexpr QLatin1String Relay("relay");
inline constexpr QLatin1String RelayVersion("version");
inline constexpr QLatin1String RetryAfter("retry_after");

// Command arguments
inline constexpr QLatin1String ConversationId("conversation_id");
inline constexpr QLatin1String DraftId("draft_id");
inline constexpr QLatin1String MessageId("message_id");
inline constexpr QLatin1String Text("text");
inline constexpr QLatin1String Mode("mode");
inline constexpr QLatin1String AiMode("ai_mode");
inline constexpr QLatin1String Limit("limit");
inline constexpr QLatin1String BeforeId("before_id");
inline constexpr QLatin1String ReplyTo("reply_to");
inline constexpr QLatin1String Media("media");
inline constexpr QLatin1String MediaKey("key");
inline constexpr QLatin1String Caption("caption");
inline constexpr QLatin1String Filename("filename");
inline constexpr QLatin1String Voice("voice");
inline constexpr QLatin1String Interactive("interactive");
inline constexpr QLatin1String Template("template");
inline constexpr QLatin1String Language("language");
inline constexpr QLatin1String Parameters("parameters");
inline constexpr QLatin1String Emoji("emoji");
inline constexpr QLatin1String Shortcut("shortcut");
inline constexpr QLatin1String Title("title");
inline constexpr QLatin1String Tags("tags");
inline constexpr QLatin1String Questions("questions");
inline constexpr QLatin1String Body("body");
inline constexpr QLatin1String Ids("ids");

// Command results and event data
inline constexpr QLatin1String Conversation("conversation");
inline constexpr QLatin1String Conversations("conversations");
inline constexpr QLatin1String Messages("messages");
inline constexpr QLatin1String Orders("orders");
inline constexpr QLatin1String Draft("draft");
inline constexpr QLatin1String Agents("agents");
inline constexpr QLatin1String Templates("templates");
inline constexpr QLatin1String SyncedAt("synced_at");
inline constexpr QLatin1String Canned("canned");
inline constexpr QLatin1String Groups("groups");
inline constexpr QLatin1String Articles("articles");
inline constexpr QLatin1String Article("article");
inline constexpr QLatin1String Source("source");
inline constexpr QLatin1String Cited("cited");
inline constexpr QLatin1String Versions("versions");
inline constexpr QLatin1String Version("version");
inline constexpr QLatin1String Deleted("deleted");
inline constexpr QLatin1String Dismissed("dismissed");
inline constexpr QLatin1String AuthorId("author_id");
inline constexpr QLatin1String AuthorName("author_name");
inline constexpr QLatin1String CreatedAt("created_at");
inline constexpr QLatin1String Confidence("confidence");
inline constexpr QLatin1String Sources("sources");
inline constexpr QLatin1String Handoff("handoff");
inline constexpr QLatin1String Abstained("abstained");
inline constexpr QLatin1String Count("count");
inline constexpr QLatin1String Terms("terms");
inline constexpr QLatin1String Reply("reply");
inline constexpr QLatin1String Sent("sent");
inline constexpr QLatin1String MetaCode("meta_code");
inline constexpr QLatin1String MetaMessage("meta_message");
inline constexpr QLatin1String MimeType("mime_type");
inline constexpr QLatin1String Size("size");
inline constexpr QLatin1String Note("note");
inline constexpr QLatin1String Notes("notes");
inline constexpr QLatin1String Mentions("mentions");
inline constexpr QLatin1String UserId("user_id");
// report and list_audit
inline constexpr QLatin1String From("from");
inline constexpr QLatin1String To("to");
inline constexpr QLatin1String Agent("agent");
inline constexpr QLatin1String Team("team");
inline constexpr QLatin1String Report("report");
inline constexpr QLatin1String Offset("offset");
inline constexpr QLatin1String Entries("entries");
inline constexpr QLatin1String More("more");
inline constexpr QLatin1String Days("days");
inline constexpr QLatin1String Unused("unused");
inline constexpr QLatin1String Unanswered("unanswered");
inline constexpr QLatin1String LastAt("last_at");
inline constexpr QLatin1String Files("files");
inline constexpr QLatin1String Content("content");
inline constexpr QLatin1String Apply("apply");
inline constexpr QLatin1String Added("added");
inline constexpr QLatin1String Changed("changed");
inline constexpr QLatin1String Unchanged("unchanged");
inline constexpr QLatin1String Problems("problems");
inline constexpr QLatin1String File("file");
inline constexpr QLatin1String Line("line");
inline constexpr QLatin1String Label("label");
inline constexpr QLatin1String Labels("labels");
inline constexpr QLatin1String Color("color");
inline constexpr QLatin1String Add("add");
inline constexpr QLatin1String Remove("remove");
inline constexpr QLatin1String Presence("presence");
inline constexpr QLatin1String Teams("teams");
inline constexpr QLatin1String Capacity("capacity");

} // namespace Serambi::Protocol::Key
