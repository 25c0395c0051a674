import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/allow.decorator';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { ApiErrorResponses } from '../http/api-error-responses';
import { NotificationPreferencesDto } from './dto/notification-preferences.dto';
import { NotificationSettingsModel } from './notification-settings.model';
import { NotificationSettingsService } from './notification-settings.service';

/** The calling expert's own notification settings: how each kind of message reaches them, quiet hours and language. */
@ApiTags('me')
@Controller('me')
export class NotificationSettingsController {
  constructor(private readonly settings: NotificationSettingsService) {}

  @ApiOperation({ summary: 'My notification settings' })
  @Allow('expert')
  @Get('notification-preferences')
  @ApiOkResponse({ type: NotificationSettingsModel, description: 'My settings; `channels` names only the kinds I chose for, the rest go by e-mail.' })
  @ApiErrorResponses({ 404: 'The expert is no longer in the pool.' })
  get(@CurrentPrincipal() principal: Principal) {
    return this.settings.get(principal.subject);
  }

  @ApiOperation({ summary: 'Replace my notification settings; critical messages still come through at any hour' })
  @Allow('expert')
  @Put('notification-preferences')
  @ApiOkResponse({ type: NotificationSettingsModel, description: 'My settings as saved.' })
  @ApiErrorResponses({
    400: 'A field is malformed or unknown (a kind or channel Brigade does not know), a kind lists no channel or one twice, '
      + 'SMS is chosen without a phone number on file, or the quiet hours end when they start; `fields` names each.',
    404: 'The expert is no longer in the pool.',
  })
  replace(@CurrentPrincipal() principal: Principal, @Body() dto: NotificationPreferencesDto) {
    return this.settings.replace(principal.subject, dto);
  }
}
