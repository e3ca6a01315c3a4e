import { ForbiddenException, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { RequestContext } from '../bus/request-context';
import type { AuthUser, Role } from './auth-user';
import { IS_PUBLIC, ROLES_KEY } from './auth.decorators';
import { TokenVerifier } from './token-verifier.service';

/** Global: every route needs a valid bearer token unless @Public(); @Roles narrows who may call. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const req = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const auth = await this.verifier.authenticate(req);
    if (auth.kind === 'none') throw new UnauthorizedException('A bearer token is required');
    if (auth.kind === 'invalid') throw new UnauthorizedException(`Invalid token: ${auth.reason}`);

    req.user = auth.user;
    const ctx = RequestContext.current();
    if (ctx) ctx.actor = auth.user.sub;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(auth.user.role)) {
      throw new ForbiddenException(`Role ${auth.user.role} may not do this`);
    }
    return true;
  }
}
