import type { CallbackMessages } from '../core/callback';
import type { Messages } from '../i18n/en';

/* -------------------------------------------------------------------------------------------------
 * Português do Brasil, com “você”: `import { ptBR } from 'react-connected-accounts/locales/pt-BR'`,
 * depois `messages={ptBR}`
 * -----------------------------------------------------------------------------------------------*/

const rules = /* @__PURE__ */ new Intl.PluralRules('pt-BR');
/** Portuguese counts 0 and 1 as singular. */
const one = (count: number) => rules.select(count) == 'one';

const ptBR: Messages = {
  locale: 'pt-BR',
  dir: 'ltr',

  'status.connected': 'Conectada',
  'status.authorization_required': 'Autorização necessária',
  'status.backfilling': 'Recuperando dados',
  'status.error': 'Erro',
  'status.reauthorizing': 'Reconectando',
  'status.for': (duration) => `há ${duration}`,
  'status.expiring': (when) => `Expira ${when}`,

  'list.loading': 'Carregando conexões…',
  'list.empty': 'Nenhuma conexão ainda.',
  'list.loadError': 'Não foi possível carregar as conexões. Verifique sua rede e tente de novo.',
  'list.refreshError': 'Esta lista pode estar desatualizada. Tente de novo para atualizar.',
  'list.search': 'Buscar conexões',
  'list.attention': 'Requer atenção',
  'list.matches': (count) => (one(count) ? `${count} conexão encontrada.` : `${count} conexões encontradas.`),
  'list.noMatches': 'Nenhuma conexão encontrada. Tente outra busca.',
  'list.summary': (count) => (one(count) ? `${count} conexão precisa ser reconectada.` : `${count} conexões precisam ser reconectadas.`),
  'list.summaryHint': 'Os dados pararam de sincronizar. Reconecte para retomar.',
  'list.expiring': (count) => (one(count) ? `${count} conexão expira em breve.` : `${count} conexões expiram em breve.`),
  'list.expiringHint': 'Renove para continuar recebendo os dados.',
  'list.reconnectAll': (count) => `Reconectar todas as ${count}`,
  'group.advertising': 'Publicidade',
  'group.crm': 'CRM',
  'group.other': 'Outras',
  'item.reconnectLabel': (provider, account) => `Reconectar ${provider} — ${account}`,
  'item.since': (duration) => `Há ${duration}`,
  'item.lastSync': (ago) => `Última sincronização ${ago}`,
  'item.backfill': (date) => `Enviando dados pendentes desde ${date}`,
  'item.noRights': 'Peça a um admin para reconectá-la.',
  'item.renew': 'Renovar',
  'item.renewLabel': (provider, account) => `Renovar ${provider} — ${account}`,
  'item.askAdmin': 'Pedir a um admin',
  'item.askAdminLabel': (provider, account) => `Pedir a um admin para reconectar ${provider} — ${account}`,
  'item.requested': (ago) => `Pedido enviado ${ago}`,

  'announce.connected': (name) => `${name}: reconexão concluída.`,
  'announce.authorization_required': (name) => `${name}: reconexão necessária.`,
  'announce.backfilling': (name) => `${name}: recuperando dados pendentes.`,
  'announce.error': (name) => `${name}: ocorreu um erro.`,
  'announce.caughtUp': (name) => `${name}: dados em dia.`,
  'announce.failed': (name) => `${name}: a reconexão falhou.`,

  'impact.stopped': (ago) => (ago ? `O que parou ${ago}:` : 'O que parou:'),
  'impact.willStop': (date) => `O que vai parar em ${date}:`,
  'impact.cost_data': 'Download dos dados de custo',
  'impact.ad_tagging': 'Tags UTM em anúncios novos',
  'impact.record_updates': 'Atualização de registros no CRM',
  'impact.touchpoint_push': 'Envio de novos pontos de contato ao CRM',
  'impact.data_sync': 'Sincronização de dados',
  'impact.permanent': 'Pontos de contato de anúncios novos não poderão ser marcados depois. Reconecte logo para reduzir a perda.',
  'impact.possibly_permanent': 'Com a codificação automática ativa, pontos de contato de anúncios novos não poderão ser marcados depois. Reconecte logo.',
  'impact.backfilled': 'Nada se perde. Os dados pendentes vão para o CRM assim que você reconectar.',

  'flow.ready': (provider) => `Você vai entrar em ${provider} numa nova janela.`,
  'flow.readyCredentials': (provider) => `Digite seu usuário e senha de ${provider}.`,
  'flow.starting': 'Abrindo a janela de login…',
  'flow.waiting': (provider) => `Conclua o login em ${provider} na nova janela.`,
  'flow.windowClosed': 'A janela de login fechou antes do fim. Abra de novo para continuar.',
  'flow.completing': 'Reconectando…',
  'flow.succeeded': (provider) => `${provider} foi reconectado.`,
  'flow.backfilling': (date) => `Os dados pendentes desde ${date} estão a caminho do CRM.`,
  'flow.cancelled': 'Nada foi alterado. Você pode tentar de novo quando quiser.',
  'flow.wrongAccount': (account) => `Você entrou com outra conta. Entre como ${account} e tente de novo.`,

  'error.popup_blocked': 'O navegador bloqueou a janela de login. Permita pop-ups neste site e tente de novo.',
  'error.superseded': 'Outra conexão começou um login. Tente esta de novo depois.',
  'error.timeout': 'O login demorou demais. Tente de novo.',
  'error.invalid_authorization_url': 'A plataforma enviou um endereço de login inseguro. Fale com seu admin.',
  'error.state_mismatch': 'A resposta não corresponde a este login. Tente de novo.',
  'error.provider_error': 'A plataforma recusou o login. Tente de novo.',
  'error.adapter_failed': 'A reconexão falhou. Tente de novo em instantes.',
  'error.unsupported': 'Esta conexão não pode ser reconectada aqui. Peça ajuda a um admin.',
  'error.invalid_credentials': 'Usuário ou senha não aceitos. Confira e tente de novo.',

  'queue.title': 'Reconectar todas',
  'queue.step': (index, total, name) => `${index} de ${total} · ${name}`,
  'queue.skip': 'Pular',
  'queue.summary': (reconnected, skipped) =>
    `${reconnected} ${one(reconnected) ? 'reconectada' : 'reconectadas'}, ${skipped} ${one(skipped) ? 'pulada' : 'puladas'}.`,

  'ask.description': 'Os admins do workspace recebem seu pedido. Adicione uma nota, se ajudar.',
  'ask.note': 'Nota para o admin',
  'ask.noteHint': (max) => `Opcional. Até ${max} ${one(max) ? 'caractere' : 'caracteres'}.`,
  'ask.send': 'Enviar pedido',
  'ask.sent': 'Pedido enviado. Um admin vai reconectá-la.',
  'ask.failed': 'O pedido não foi enviado. Tente de novo.',

  'action.reconnect': 'Reconectar',
  'action.reopen': 'Reabrir janela',
  'action.cancel': 'Cancelar',
  'action.retry': 'Tentar de novo',
  'action.done': 'Concluir',
  'action.close': 'Fechar',
  'form.username': 'Usuário',
  'form.password': 'Senha',
};

/** The callback page's words: `handleAuthorizationCallback({ messages: callbackMessages, locale: 'pt-BR' })`. */
const callbackMessages: CallbackMessages = {
  error: 'O login não foi concluído. Feche esta janela e tente de novo no app.',
  invalid: 'Esta página só conclui um login iniciado no app. Você pode fechá-la.',
  done: 'Login feito. Você pode fechar esta janela.',
};

export { callbackMessages, ptBR };
export default ptBR;
