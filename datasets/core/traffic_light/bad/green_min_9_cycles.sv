module TopModule(input clk, input reset, input ped_req, output logic car_green,
                 output logic car_yellow, output logic car_red, output logic walk,
                 output logic ped_wait);
  localparam GREEN = 2'd0, YELLOW = 2'd1, WALK = 2'd2, CLEAR = 2'd3;
  logic [1:0] phase;
  logic [3:0] t;
  logic pending;

  always @(posedge clk) begin
    if (reset) begin
      phase <= GREEN; t <= 4'd0; pending <= 1'b0;
    end else begin
      case (phase)
        GREEN:
          if (t >= 4'd8 && pending) begin phase <= YELLOW; t <= 4'd0; end
          else if (t != 4'd8) t <= t + 4'd1;
        YELLOW:
          if (t == 4'd2) begin phase <= WALK; t <= 4'd0; end
          else t <= t + 4'd1;
        WALK:
          if (t == 4'd5) begin phase <= CLEAR; t <= 4'd0; end
          else t <= t + 4'd1;
        default:
          if (t == 4'd1) begin phase <= GREEN; t <= 4'd0; end
          else t <= t + 4'd1;
      endcase
      if (phase == WALK || (phase == YELLOW && t == 4'd2)) pending <= 1'b0;
      else pending <= pending | ped_req;
    end
  end

  assign car_green  = (phase == GREEN);
  assign car_yellow = (phase == YELLOW);
  assign car_red    = (phase == WALK) || (phase == CLEAR);
  assign walk       = (phase == WALK);
  assign ped_wait   = pending;
endmodule
