// The OAuth redirect URI's page: hands the platform's answer to the window that opened it.
import { handleAuthorizationCallback } from 'react-connected-accounts';

handleAuthorizationCallback();
