#pragma once

#include <QObject>
#include <QString>

class QMediaPlayer;
class QAudioOutput;

namespace Serambi::Ui {

// Plays one voice note or audio file at a time, in place in the conversation view. The bubble
// of the playing key shows pause and the position; starting another stops the first.
class AudioPlayback : public QObject
{
    Q_OBJECT

public:
    explicit AudioPlayback(QObject *parent = nullptr);
    ~AudioPlayback() override;

    // Plays key from the file at path, or pauses it when it is the one playing.
    void toggle(const QString &key, const QString &path);
    QString currentKey() const { return m_key; }
    bool isPlaying(const QString &key) const;
    qint64 position() const;
    qint64 duration() const;

Q_SIGNALS:
    void changed();
    // The file could not be played here (no audio device or codec): open it elsewhere.
    void failed(const QString &key, const QString &path);

private:
    // Made on the first play: a multimedia backend costs start-up time and may be missing.
    void createPlayer();

    QMediaPlayer *m_player = nullptr;
    QAudioOutput *m_output = nullptr;
    QString m_key;
    QString m_path;
};

} // namespace Serambi::Ui
