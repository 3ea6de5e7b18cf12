import type { CallbackMessages } from '../core/callback';
import type { Messages } from '../i18n/en';

/* -------------------------------------------------------------------------------------------------
 * 日本語（です・ます調）: `import { ja } from 'react-connected-accounts/locales/ja'`, then `messages={ja}`
 *
 * Japanese has one plural form, so counts need no rules. `Intl` puts a space between a number and
 * its unit ("3 日前"); Latin words are spaced the same way.
 * -----------------------------------------------------------------------------------------------*/

const ja: Messages = {
  locale: 'ja',
  dir: 'ltr',

  'status.connected': '連携済み',
  'status.authorization_required': '認証が必要',
  'status.backfilling': 'データ補完中',
  'status.error': 'エラー',
  'status.reauthorizing': '再連携中',
  'status.for': (duration) => `${duration}前から`,
  'status.expiring': (when) => `有効期限：${when}`,

  'list.loading': '連携を読み込んでいます…',
  'list.empty': '連携はまだありません。',
  'list.loadError': '連携を読み込めませんでした。ネットワークを確認して、もう一度お試しください。',
  'list.refreshError': 'この一覧は最新でない可能性があります。もう一度お試しください。',
  'list.search': '連携を検索',
  'list.attention': '要対応',
  'list.matches': (count) => `${count} 件が一致しました。`,
  'list.noMatches': '一致する連携はありません。別のキーワードをお試しください。',
  'list.summary': (count) => `再連携が必要な連携が ${count} 件あります。`,
  'list.summaryHint': 'データの同期が止まっています。再連携すると再開します。',
  'list.expiring': (count) => `まもなく期限切れになる連携が ${count} 件あります。`,
  'list.expiringHint': 'データを受け取り続けるには、期限前に更新してください。',
  'list.reconnectAll': (count) => `${count} 件をすべて再連携`,
  'group.advertising': '広告',
  'group.crm': 'CRM',
  'group.other': 'その他',
  'item.reconnectLabel': (provider, account) => `${provider} — ${account} を再連携`,
  'item.since': (duration) => `${duration}前から`,
  'item.lastSync': (ago) => `最終同期：${ago}`,
  'item.backfill': (date) => `${date} 以降の未送信データを送信中`,
  'item.noRights': 'ワークスペースの管理者に再連携を依頼してください。',
  'item.renew': '更新',
  'item.renewLabel': (provider, account) => `${provider} — ${account} を更新`,
  'item.askAdmin': '管理者に依頼',
  'item.askAdminLabel': (provider, account) => `${provider} — ${account} の再連携を管理者に依頼`,
  'item.requested': (ago) => `依頼済み：${ago}`,

  'announce.connected': (name) => `${name} を再連携しました。`,
  'announce.authorization_required': (name) => `${name} の再連携が必要です。`,
  'announce.backfilling': (name) => `${name} の未送信データを送信しています。`,
  'announce.error': (name) => `${name} でエラーが発生しました。`,
  'announce.caughtUp': (name) => `${name} のデータが最新になりました。`,
  'announce.failed': (name) => `${name} を再連携できませんでした。`,

  'impact.stopped': (ago) => (ago ? `${ago}から停止中：` : '停止中：'),
  'impact.willStop': (date) => `${date} に次の機能が停止します：`,
  'impact.cost_data': '費用データのダウンロード',
  'impact.ad_tagging': '新しい広告への UTM タグ付け',
  'impact.record_updates': 'CRM レコードの更新',
  'impact.touchpoint_push': 'CRM への新しいタッチポイントの送信',
  'impact.data_sync': 'データ同期',
  'impact.permanent': '新しい広告のタッチポイントは、後からタグ付けできません。欠損を抑えるため、早めに再連携してください。',
  'impact.possibly_permanent': '自動タグ設定が有効な場合、新しい広告のタッチポイントは後からタグ付けできません。早めに再連携してください。',
  'impact.backfilled': 'データは失われません。再連携すると、未送信のデータが CRM に送られます。',

  'flow.ready': (provider) => `新しいウィンドウで ${provider} にログインします。`,
  'flow.readyCredentials': (provider) => `${provider} のユーザー名とパスワードを入力してください。`,
  'flow.starting': 'ログイン画面を開いています…',
  'flow.waiting': (provider) => `新しいウィンドウで ${provider} へのログインを完了してください。`,
  'flow.windowClosed': 'ログインが終わる前にウィンドウが閉じられました。もう一度開いて続けてください。',
  'flow.completing': '再連携しています…',
  'flow.succeeded': (provider) => `${provider} を再連携しました。`,
  'flow.backfilling': (date) => `${date} 以降の未送信データを CRM に送信しています。`,
  'flow.cancelled': '変更はありません。いつでもやり直せます。',
  'flow.wrongAccount': (account) => `別のアカウントでログインしています。${account} でログインし直してください。`,

  'error.popup_blocked': 'ブラウザがログイン画面をブロックしました。このサイトのポップアップを許可して、もう一度お試しください。',
  'error.superseded': '別の連携のログインが始まりました。終わってから、もう一度お試しください。',
  'error.timeout': 'ログインに時間がかかりすぎました。もう一度お試しください。',
  'error.invalid_authorization_url': '連携先から安全でないログイン URL が届きました。管理者にお問い合わせください。',
  'error.state_mismatch': '応答がこのログインと一致しません。もう一度お試しください。',
  'error.provider_error': '連携先がログインを拒否しました。もう一度お試しください。',
  'error.adapter_failed': '再連携できませんでした。少し待ってから、もう一度お試しください。',
  'error.unsupported': 'この連携はここでは再連携できません。管理者に依頼してください。',
  'error.invalid_credentials': 'ユーザー名またはパスワードが正しくありません。確認して、もう一度お試しください。',

  'queue.title': 'すべて再連携',
  'queue.step': (index, total, name) => `${index} / ${total} · ${name}`,
  'queue.skip': 'スキップ',
  'queue.summary': (reconnected, skipped) => `再連携 ${reconnected} 件、スキップ ${skipped} 件。`,

  'ask.description': 'ワークスペースの管理者に依頼が届きます。必要ならメモを添えてください。',
  'ask.note': '管理者へのメモ',
  'ask.noteHint': (max) => `任意。${max} 文字まで。`,
  'ask.send': '依頼を送信',
  'ask.sent': '依頼を送信しました。管理者が再連携します。',
  'ask.failed': '依頼を送信できませんでした。もう一度お試しください。',

  'action.reconnect': '再連携',
  'action.reopen': 'ウィンドウを再度開く',
  'action.cancel': 'キャンセル',
  'action.retry': '再試行',
  'action.done': '完了',
  'action.close': '閉じる',
  'form.username': 'ユーザー名',
  'form.password': 'パスワード',
};

/** The callback page's words: `handleAuthorizationCallback({ messages: callbackMessages, locale: 'ja' })`. */
const callbackMessages: CallbackMessages = {
  error: 'ログインが完了しませんでした。このウィンドウを閉じて、アプリでもう一度お試しください。',
  invalid: 'このページは、アプリから始めたログインを完了するためのものです。閉じてかまいません。',
  done: 'ログインしました。このウィンドウは閉じてかまいません。',
};

export { callbackMessages, ja };
export default ja;
