#pragma once

#include <QByteArray>
#include <QString>

namespace Serambi::Relay {

// Media bytes on disk, content-addressed: <dir>/ab/<sha256 hex> (dir = <data_dir>/media).
// A file is written to a temporary name and renamed into place, so a reader never sees half a
// file and the same bytes written twice end up as one file.
class MediaFiles
{
public:
    explicit MediaFiles(QString dir) : m_dir(std::move(dir)) {}

    static QString keyOf(const QByteArray &bytes); // sha256 hex
    static bool isKey(const QString &key);         // 64 lowercase hex digits
    // A SHA-256 as lowercase hex, from hex (Meta's media URL answer) or base64 (webhooks);
    // empty when it is neither.
    static QString normalizedSha256(const QString &hash);

    QString pathOf(const QString &key) const;
    bool contains(const QString &key) const;
    // Stores bytes under their key (kept when already there). Empty on failure.
    QString write(const QByteArray &bytes) const;
    QString dir() const { return m_dir; }

private:
    QString m_dir;
};

} // namespace Serambi::Relay
