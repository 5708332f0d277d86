#include "audioplayback.h"

#include <QAudioOutput>
#include <QMediaPlayer>
#include <QUrl>

namespace Serambi::Ui {

AudioPlayback::AudioPlayback(QObject *parent) : QObject(parent) {}

AudioPlayback::~AudioPlayback() = default;

void AudioPlayback::createPlayer()
{
    m_player = new QMediaPlayer(this);
    m_output = new QAudioOutput(this);
    m_player->setAudioOutput(m_output);
    connect(m_player, &QMediaPlayer::playbackStateChanged, this, &AudioPlayback::changed);
    connect(m_player, &QMediaPlayer::positionChanged, this, &AudioPlayback::changed);
    connect(m_player, &QMediaPlayer::durationChanged, this, &AudioPlayback::changed);
    connect(m_player, &QMediaPlayer::errorOccurred, this, [this](QMediaPlayer::Error error) {
        if (error == QMediaPlayer::NoError)
            return;
        const QString key = m_key;
        const QString path = m_path;
        m_key.clear();
        Q_EMIT changed();
        Q_EMIT failed(key, path);
    });
}

void AudioPlayback::toggle(const QString &key, const QString &path)
{
    if (!m_player)
        createPlayer();
    if (key == m_key && m_player->playbackState() == QMediaPlayer::PlayingState) {
        m_player->pause();
        return;
    }
    if (key != m_key) {
        m_key = key;
        m_path = path;
        m_player->setSource(QUrl::fromLocalFile(path));
    }
    m_player->play();
    Q_EMIT changed();
}

bool AudioPlayback::isPlaying(const QString &key) const
{
    return m_player && !key.isEmpty() && key == m_key &&
           m_player->playbackState() == QMediaPlayer::PlayingState;
}

qint64 AudioPlayback::position() const
{
    return m_player ? m_player->position() : 0;
}

qint64 AudioPlayback::duration() const
{
    return m_player ? m_player->duration() : 0;
}

} // namespace Serambi::Ui
