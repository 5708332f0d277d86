#pragma once

#include "commands.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace Serambi::Protocol {

// The shape of a command's arguments, checked before the command runs (docs/protocol.md,
// "Argument limits"): only the arguments the command takes, each of the right JSON type and
// within its length (a wamid is short, a file name has no path), and inside the Meta objects
// an agent passes on (send_interactive's interactive, send_template's parameters) only the
// fields Meta defines. A media key can appear only where the command checks it against the
// caller's visibility (send_media's media, a template header's media).
//
// The relay checks every command with it; the console may check what it builds.
//
// Returns the first problem as "path: what is wrong" (e.g. "interactive.action.key: unknown
// field"), or nullopt when the arguments are acceptable. A pure function of its input, safe to
// fuzz.
std::optional<QString> checkCommandArguments(Command command, const QJsonObject &args);

// Longest accepted values, shared with the documentation.
namespace ArgumentLimits {
inline constexpr int Wamid = 128;
inline constexpr int Filename = 240;
inline constexpr int Caption = 1024;
inline constexpr int Text = 4096;
inline constexpr int Username = 64;
inline constexpr int TemplateName = 512;
inline constexpr int Language = 16;
inline constexpr int Url = 2000;
inline constexpr int TemplateParameter = 1024;
inline constexpr int MaxArrayItems = 50;
inline constexpr int ArticleId = 64;
inline constexpr int ArticleTitle = 200;
inline constexpr int ArticleTag = 80;
inline constexpr int ArticleQuestion = 300;
inline constexpr int ArticleBody = 20000;
inline constexpr int KbSuggestionIds = 500;
// import_articles: files of Markdown articles or CSV, each at most this many characters (the
// whole frame stays within MaxFrameBytes).
inline constexpr int ImportFiles = 200;
inline constexpr int ImportFile = 200000;
inline constexpr int LabelName = 32;
inline constexpr int TeamName = 64;
} // namespace ArgumentLimits

} // namespace Serambi::Protocol
