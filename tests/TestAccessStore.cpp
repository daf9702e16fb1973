#include "app/store/AccessStore.h"
#include "app/store/KeyStore.h"
#include "app/store/Store.h"
#include "router/access/LocalKeyToken.h"
#include "tests/support/StoreFixtures.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <array>

using StoreFixtures::draftKey;

class TestAccessStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = StoreFixtures::freshDatabase(m_dir);
    }

    void membersInUseCannotBeRemoved()
    {
        Store store;
        QVERIFY(store.open(m_path));
        const auto me = store.access().memberByName(QStringLiteral("me"));
        QCOMPARE(store.access().deleteMember(me->id).failure().kind, FailureKind::Conflict);
        const auto bot = store.access().insertMember(QStringLiteral("ci-bot"));
        QCOMPARE(store.access().insertMember(QStringLiteral("CI-BOT")).failure().kind,
            FailureKind::Conflict);
        QCOMPARE(store.access().insertMember(QStringLiteral("no spaces")).failure().kind,
            FailureKind::InvalidInput);
        ProviderKey key = draftKey(QStringLiteral("a"), Tier::Prioritized);
        key.filters.memberIds = { bot->id };
        const auto inserted = store.keys().insert(key);
        QVERIFY(inserted);
        const auto refused = store.access().deleteMember(bot->id);
        QVERIFY(!refused);
        QVERIFY(refused.failure().message.contains(QStringLiteral("widen")));
        QVERIFY(store.keys().remove(inserted->id));
        QVERIFY(store.access().deleteMember(bot->id));
        QVERIFY(!store.access().memberByName(QStringLiteral("ci-bot")));
    }

    void revokedLocalKeysGoWithTheirOwner()
    {
        Store store;
        QVERIFY(store.open(m_path));
        const auto bot = store.access().insertMember(QStringLiteral("ci-bot"));
        const auto acme = store.access().insertWorkspace(QStringLiteral("Acme"));
        const auto insertToken = [&](const QString& name) {
            LocalApiKey draft;
            draft.tokenHash = LocalKeyToken::hash(name);
            draft.tokenHint = QStringLiteral("kw-…");
            draft.secretRef = QStringLiteral("local-key/") + name;
            draft.memberId = bot->id;
            draft.workspaceId = acme->id;
            return *store.access().insertLocalKey(draft);
        };
        const LocalApiKey first = insertToken(QStringLiteral("first"));
        QCOMPARE(
            store.access().deleteMember(bot->id).failure().kind, FailureKind::Conflict); // active
        QVERIFY(store.access().revokeLocalKey(first.id));

        // A filter that names the revoked token still holds the member back: dropping it would
        // widen the key.
        ProviderKey key = draftKey(QStringLiteral("filtered"), Tier::Prioritized);
        key.filters.localKeyIds = { first.id };
        const auto inserted = store.keys().insert(key);
        QVERIFY(inserted);
        QCOMPARE(store.access().deleteMember(bot->id).failure().kind, FailureKind::Conflict);
        QCOMPARE(store.access().deleteWorkspace(acme->id).failure().kind, FailureKind::Conflict);
        QVERIFY(store.keys().remove(inserted->id));

        QVERIFY(store.access().deleteMember(bot->id));
        QVERIFY(store.access().localKeys()->isEmpty());
        QVERIFY(store.access().deleteWorkspace(acme->id));
    }

    void workspacesInUseCannotBeRemoved()
    {
        Store store;
        QVERIFY(store.open(m_path));
        const auto personal = store.access().workspaceByName(QStringLiteral("Personal"));
        QCOMPARE(
            store.access().deleteWorkspace(personal->id).failure().kind, FailureKind::Conflict);
        const auto acme = store.access().insertWorkspace(QStringLiteral("Acme prod"));
        QVERIFY(acme);
        ProviderKey key = draftKey(QStringLiteral("a"), Tier::Prioritized);
        key.workspaceId = acme->id;
        const auto inserted = store.keys().insert(key);
        QCOMPARE(store.access().deleteWorkspace(acme->id).failure().kind, FailureKind::Conflict);
        QVERIFY(store.keys().remove(inserted->id));
        QVERIFY(store.access().deleteWorkspace(acme->id));
    }

    void localKeysAreRevokedAndTouched()
    {
        Store store;
        QVERIFY(store.open(m_path));
        LocalApiKey draft;
        draft.name = QStringLiteral("aider");
        draft.tokenHash = LocalKeyToken::hash(u"kw-x");
        draft.tokenHint = QStringLiteral("kw-…x");
        draft.secretRef = QStringLiteral("local-key/x");
        draft.memberId = store.access().memberByName(QStringLiteral("me"))->id;
        draft.workspaceId = store.access().workspaceByName(QStringLiteral("Personal"))->id;
        const auto inserted = store.access().insertLocalKey(draft);
        QVERIFY(inserted);
        QCOMPARE(inserted->tokenHash, draft.tokenHash);
        QVERIFY(!inserted->isRevoked());
        QVERIFY(inserted->lastUsedAt.isNull());
        const QDateTime used = QDateTime::currentDateTimeUtc();
        QVERIFY(store.access().touchLocalKey(inserted->id, used));
        QCOMPARE(store.access().localKey(inserted->id)->lastUsedAt.toMSecsSinceEpoch(),
            used.toMSecsSinceEpoch());
        QVERIFY(store.access().revokeLocalKey(inserted->id));
        QVERIFY(store.access().localKey(inserted->id)->isRevoked());
        QVERIFY(store.access().revokeLocalKey(inserted->id)); // again: nothing to do
        QCOMPARE(store.access().revokeLocalKey(12345).failure().kind, FailureKind::NotFound);
        // The same token cannot be stored twice.
        QCOMPARE(store.access().insertLocalKey(draft).failure().kind, FailureKind::Conflict);
    }
};

QTEST_GUILESS_MAIN(TestAccessStore)
#include "TestAccessStore.moc"
