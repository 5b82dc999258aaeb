module traffic_light (
    input  wire clk,
    input  wire rst_n,
    input  wire ped,
    output wire green,
    output wire yellow,
    output wire red
);
  localparam G = 2'd0, Y = 2'd1, R = 2'd2;
  reg [1:0] state;
  reg [1:0] timer;
  assign green = state == G;
  assign yellow = state == Y;
  assign red = state == R;
  always @(posedge clk) begin
    if (!rst_n) begin
      state <= G;
      timer <= 2'd0;
    end else begin
      case (state)
        G: if (ped || timer == 2'd3) begin state <= Y; timer <= 2'd0; end else timer <= timer + 2'd1;
        Y: begin state <= R; timer <= 2'd0; end
        R: if (timer == 2'd2) begin state <= G; timer <= 2'd0; end else timer <= timer + 2'd1;
        default: begin state <= G; timer <= 2'd0; end
      endcase
    end
  end
endmodule
