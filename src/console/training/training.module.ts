import { Module } from '@nestjs/common';
import { ChannelsModule } from '../../channels/channels.module.js';
import { TrainingController } from './training.controller.js';
import { TrainingSimulatorClient } from './training-simulator.client.js';

/** Training mode: simulated residents' handsets on the embedded WhatsApp simulator. */
@Module({
  imports: [ChannelsModule],
  controllers: [TrainingController],
  providers: [TrainingSimulatorClient],
})
export class TrainingModule {}
