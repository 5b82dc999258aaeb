module TopModule(input clk, input reset, input ped_req, output logic car_green,
                 output logic car_yellow, output logic car_red, output logic walk,
                 output logic ped_wait);
  localparam GREEN = 2'd0, YELLOW = 2'd1, WALK = 2'd2, CLEAR = 2'd3;
  logic [1:0] phase;
  logic [2:0] t;
  logic pending;

  always @(posedge clk) begin
    if (reset) begin
      phase <= GREEN; t <= 3'd0; pending <= 1'b0;
    end else begin
      case (phase)
        GREEN:
          if (t >= 3'd7 && pending) begin phase <= YELLOW; t <= 3'd0; end
          else if (t != 3'd7) t <= t + 3'd1;
        YELLOW:
          if (t == 3'd2) begin phase <= WALK; t <= 3'd0; end
          else t <= t + 3'd1;
        WALK:
          if (t == 3'd5) begin phase <= CLEAR; t <= 3'd0; end
          else t <= t + 3'd1;
        default:
          if (t == 3'd1) begin phase <= GREEN; t <= 3'd0; end
          else t <= t + 3'd1;
      endcase
      // clears only when entering WALK, so a press during WALK is remembered
      if (phase == YELLOW && t == 3'd2) pending <= 1'b0;
      else pending <= pending | ped_req;
    end
  end

  assign car_green  = (phase == GREEN);
  assign car_yellow = (phase == YELLOW);
  assign car_red    = (phase == WALK) || (phase == CLEAR);
  assign walk       = (phase == WALK);
  assign ped_wait   = pending;
endmodule
